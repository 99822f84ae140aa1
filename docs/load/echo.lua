-- The ceiling: the very request of evaluate.lua, parsed and written back by POST /bench/echo (only with
-- --spring.profiles.include=bench), through the same security filter chain.
dofile(os.getenv("LOAD_DIR") .. "/evaluate.lua")
