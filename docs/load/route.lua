-- LOAD_DIR=docs/load wrk -t2 -c32 -d30s -s docs/load/route.lua http://localhost:8080/api/v1/routings
-- Every request is a new item (its own externalId) arriving now, routed and stored in one transaction.
local counter = 0
local thread_id = 0
function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end
request = function()
  counter = counter + 1
  local body = string.format([[{"itemType":"FAULT","externalId":"LOAD-%d-%d-%d","sourceChannel":"GROUP_HOTLINE",
 "occurredAt":"%s","customer":{"id":"GC-%d","customerClass":"B"},
 "productCode":"DEDICATED_LINE","faultCategory":"NETWORK","severity":"MAJOR"}]], os.time(), tid, counter, os.date("!%Y-%m-%dT%H:%M:%SZ"), counter % 5000)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["X-API-Key"] = "dev-group-hotline"}, body)
end

dofile(os.getenv("LOAD_DIR") .. "/report.lua")
