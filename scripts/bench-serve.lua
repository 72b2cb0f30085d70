-- wrk script for scripts/bench-serve: cycles through realistic requests of
-- the search page and counts every answer that is not 2xx as an error.
local paths = {
  "/api/search?q=oil+prices",
  "/api/search?q=%22interest+rates%22&sort=newest",
  "/api/search?q=coffee&outlet=Reuters&facets=outlet,section,dateline,date",
  "/api/search?q=cocoa+OR+sugar&since=1987-03-01&until=1987-03-31",
  "/api/search?q=trade+deficit+japan&offset=10",
  "/api/search?q=bank*&limit=20",
  "/api/search?q=opec+NEAR+output",
  "/api/search?q=gold&dateline=London",
  "/api/article/reuters21578-1",
  "/",
}
local threads = {}
local i = 0
errors = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  i = math.random(#paths) -- threads start at different requests
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("errors")
  end
  io.write(string.format("non-2xx answers: %d\n", bad))
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("p50 %.2f ms, p99 %.2f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
