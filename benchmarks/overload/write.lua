-- POSTs a new connection per request and records, per response, its status and (for 201) its
-- latency, measured by this script: wrk's own histogram mixes fast refusals with admitted writes.
-- Run with as many threads as connections (-tN -cN), so that each thread's request() and
-- response() alternate on one connection and one start time per thread suffices.
-- Arguments: a tag that makes names unique; "eager" (a refused writer sends its next write at
-- once) or "polite" (it waits as long as the refusal's Retry-After says, as the API's clients are
-- told to); the port each new connection names on 127.0.0.1 (the service probes it once when the
-- connection is created: a port that refuses at once keeps that probe cheap).
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } overload_timespec;
int clock_gettime(int clk_id, overload_timespec *tp);
]]
local clock = ffi.new("overload_timespec")

local function now_us()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_nsec) / 1000
end

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

local tag = "run"
local polite = false
local probed_port = 9
local pause = 0
local counter = 0
local started = 0
ok = 0
busy = 0
other = 0
latencies = {}

function init(args)
  tag = args[1] or tag
  polite = args[2] == "polite"
  probed_port = tonumber(args[3]) or probed_port
end

function delay()
  local wait = pause
  pause = 0
  return wait
end

function request()
  counter = counter + 1
  started = now_us()
  local body = string.format(
    '{"name":"%s-%d-%d","host":"127.0.0.1","port":%d,"protocol":"tcp"}', tag, id, counter,
    probed_port)
  return wrk.format("POST", "/api/connections", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status == 201 then
    ok = ok + 1
    latencies[#latencies + 1] = now_us() - started
  elseif status == 503 then
    busy = busy + 1
    if polite then
      pause = (tonumber(headers["Retry-After"]) or 1) * 1000
    end
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local all = {}
  local totals = { ok = 0, busy = 0, other = 0 }
  for _, thread in ipairs(threads) do
    totals.ok = totals.ok + thread:get("ok")
    totals.busy = totals.busy + thread:get("busy")
    totals.other = totals.other + thread:get("other")
    for _, value in ipairs(thread:get("latencies")) do
      all[#all + 1] = value
    end
  end
  table.sort(all)
  local function quantile(q)
    if #all == 0 then
      return 0
    end
    return all[math.max(1, math.ceil(#all * q))] / 1000
  end
  io.write(string.format(
    "RESULT ok=%d busy=%d other=%d errors=%d seconds=%.2f p50_ms=%.2f p99_ms=%.2f\n",
    totals.ok, totals.busy, totals.other,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1000000, quantile(0.5), quantile(0.99)))
end
