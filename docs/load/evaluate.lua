-- LOAD_DIR=docs/load wrk -t2 -c32 -d30s -s docs/load/evaluate.lua http://localhost:8080/api/v1/routings/evaluate
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = "dev-qa"
wrk.body = [[{"itemType":"LEAD","sourceChannel":"GROUP_HOTLINE","occurredAt":"2026-11-20T01:15:00Z",
 "customer":{"id":"GC-0001","customerClass":"A","accountManagerId":"AM-17"},"productCode":"DEDICATED_LINE"}]]

dofile(os.getenv("LOAD_DIR") .. "/report.lua")
