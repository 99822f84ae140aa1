-- Shared by the load scripts: stops a thread after MAX_REQUESTS (bounded in count as well as in time)
-- and prints one summary line with the percentiles wrk's --latency leaves out (p99.9).
local max_requests = tonumber(os.getenv("MAX_REQUESTS") or "0")
local sent = 0

response = function(status, headers, body)
  if status >= 300 then
    io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
  end
  sent = sent + 1
  if max_requests > 0 and sent >= max_requests then
    wrk.thread:stop()
  end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d errors=%d req/s=%.0f p50=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
end
