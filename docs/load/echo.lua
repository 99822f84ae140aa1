-- The ceiling: the same JSON body as evaluate.lua, parsed and written back by POST /bench/echo
-- (only with --spring.profiles.include=bench), through the same security filter chain.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = "dev-qa"
wrk.body = [[{"itemType":"LEAD","sourceChannel":"GROUP_HOTLINE","occurredAt":"2026-11-20T01:15:00Z",
 "customer":{"id":"GC-0001","customerClass":"A","accountManagerId":"AM-17"},"productCode":"DEDICATED_LINE"}]]
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
