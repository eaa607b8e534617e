#!/usr/bin/env bash
# The overload benchmark: drives the example backend's write endpoint (POST /api/connections) on
# the local PostgreSQL with wrk, at 1x, 2.5x and 5x its saturating concurrency, with the adaptive
# limiter and without it, while /live is probed every 10 ms; then the figures of issue 17 item 11
# (20 and 50 writers), on this build and, when given, on an earlier build. Everything runs in one
# go, on 127.0.0.1 only, each load bounded by DURATION seconds, and every figure is a ratio to a
# baseline measured in the same run.
#
# The services under test run side by side, each on its own port and database, and the loads take
# turns between them, so that whatever drifts during the run (the JIT compilers, PostgreSQL's
# caches) drifts for all alike. Each is warmed up first (WARMUP seconds at 10 writers: the JIT
# compilers take about a minute on two busy cores).
#
# What a write costs is the API's own work: each new connection names a port on 127.0.0.1 that
# refuses at once (PROBED_PORT), so the probe the service runs for it costs no PostgreSQL backend,
# and the reachability monitor's periodic round (which probes every stored connection) is set an
# hour apart, so that it runs once at start on an empty table and not during the loads.
#
# The writers are closed-loop clients of two kinds: "polite" ones wait as long as a refusal's
# Retry-After says, as the API's clients are told to; "eager" ones send their next write at once,
# as a client that ignores Retry-After does. Run it under the shared build lock:
#
#   flock -o /tmp/safeguards-build.lock benchmarks/overload/overload.sh \
#     example-backend/target/example-backend.jar [earlier-example-backend.jar]
set -euo pipefail

JAR=${1:?usage: overload.sh JAR [EARLIER_JAR]}
EARLIER=${2:-}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-60}
PROBED_PORT=${PROBED_PORT:-9}
PORT=${PORT:-18471}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d /tmp/overload.XXXXXX)
ROWS=$WORK/rows.tsv
PSQL=(psql -h 127.0.0.1 -U postgres -d postgres -qAt -v ON_ERROR_STOP=1)
declare -A SERVICE_PORT=()
SERVICES=()
DATABASES=()

if (echo >"/dev/tcp/127.0.0.1/$PROBED_PORT") 2>/dev/null; then
  echo "port $PROBED_PORT on 127.0.0.1 accepts connections; set PROBED_PORT to one that refuses" >&2
  exit 1
fi

stop_services() {
  for pid in "${SERVICES[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${SERVICES[@]}"; do wait "$pid" 2>/dev/null || true; done
  for db in "${DATABASES[@]}"; do "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $db" || true; done
}
trap stop_services EXIT

# start_service JAR NAME [ENV=VALUE...]: a fresh database, the jar as a process on the next port.
start_service() {
  local jar=$1 name=$2
  shift 2
  local db="overload_${name//-/_}_$$" port=$((PORT + ${#SERVICES[@]}))
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  DATABASES+=("$db")
  env PORT="$port" DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$db" DATABASE_USER=postgres \
    LOG_LEVEL=WARN DRAIN_DELAY=0s MONITOR_INTERVAL=1h "$@" java -jar "$jar" >"$WORK/$name.log" 2>&1 &
  SERVICES+=($!)
  SERVICE_PORT[$name]=$port
}

# warm_up NAME: waits until the service is ready, then writes WARMUP seconds at 10 writers.
warm_up() {
  local port=${SERVICE_PORT[$1]}
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/ready" 2>/dev/null; then
      wrk -t10 -c10 -d"${WARMUP}s" -s "$HERE/write.lua" "http://127.0.0.1:$port" \
        -- "warm-$1" eager "$PROBED_PORT" >/dev/null
      return
    fi
    sleep 0.5 # polling a starting process for readiness, bounded to 60 s
  done
  echo "the service $1 did not become ready; see $WORK/$1.log" >&2
  exit 1
}

# load SERVICE CONFIG CLIENTS WRITERS [SECONDS]: one bounded write load on SERVICE with the /live
# prober beside it; appends a row.
load() {
  local port=${SERVICE_PORT[$1]} config=$2 clients=$3 writers=$4 seconds=${5:-$DURATION}
  local live=$WORK/live-$config-$clients-$writers.txt
  wrk -t1 -c1 -d"${seconds}s" --latency -s "$HERE/live.lua" "http://127.0.0.1:$port/live" >"$live" &
  local prober=$!
  local result
  result=$(wrk -t"$writers" -c"$writers" -d"${seconds}s" --timeout 10s -s "$HERE/write.lua" \
    "http://127.0.0.1:$port" -- "$config-$writers-$RANDOM" "$clients" "$PROBED_PORT" | grep '^RESULT')
  wait "$prober"
  local live_p99
  live_p99=$(awk '$1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
    if (u == "us") v /= 1000; else if (u == "s") v *= 1000; print v }' "$live")
  echo "$config $clients $writers $result live_p99_ms=$live_p99" | tee -a "$ROWS"
}

field() { # field NAME ROW
  sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"
}

goodput() { # ok / seconds
  awk -v ok="$(field ok "$1")" -v s="$(field seconds "$1")" 'BEGIN { printf "%.0f", ok / s }'
}

start_service "$JAR" off API_CONCURRENCY_LIMIT=off
start_service "$JAR" adaptive
if [[ -n $EARLIER ]]; then start_service "$EARLIER" before; fi
for name in "${!SERVICE_PORT[@]}"; do warm_up "$name"; done

# The unloaded latency of each; then the saturating concurrency: the fewest writers that reach 95%
# of the best goodput of a short sweep without the limiter.
load off off eager 1
load adaptive adaptive eager 1
best=0
for writers in 5 10 20 40; do
  load off sweep eager "$writers" 5
  rate=$(goodput "$(tail -1 "$ROWS")")
  if ((rate > best)); then best=$rate; fi
done
saturating=40
for writers in 40 20 10 5; do
  rate=$(goodput "$(grep "^sweep eager $writers " "$ROWS")")
  if ((rate * 100 >= best * 95)); then saturating=$writers; fi
done

# The loads, taking turns. Without a limiter nothing is refused, so polite and eager writers are
# the same there.
for writers in "$saturating" $((saturating * 5 / 2)) $((saturating * 5)); do
  load off off eager "$writers"
  load adaptive adaptive polite "$writers"
  load adaptive adaptive eager "$writers"
done
for writers in 20 50; do
  load adaptive after eager "$writers"
  if [[ -n $EARLIER ]]; then load before before eager "$writers"; fi
done

# The table: goodput against the best seen in this run, admitted p99 against the same
# configuration's unloaded p99.
peak=0
while read -r row; do
  rate=$(goodput "$row")
  if ((rate > peak)); then peak=$rate; fi
done < <(grep -v '^before ' "$ROWS")
cp "$ROWS" "$WORK/table.tsv"
echo
echo "saturating concurrency: $saturating writers; peak goodput: $peak writes/s"
echo
echo "| limiter | clients | writers | load | goodput (writes/s) | goodput / peak | 503 share | admitted p50 ms | admitted p99 ms | p99 / unloaded p99 | /live p99 ms |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
while read -r config clients writers rest; do
  [[ $config == sweep ]] && continue
  row="$config $clients $writers $rest"
  base_config=$config
  [[ $config == after ]] && base_config=adaptive
  unloaded=$(field p99_ms "$(grep "^$base_config eager 1 " "$ROWS" || true)")
  rate=$(goodput "$row")
  awk -v c="$config" -v k="$clients" -v w="$writers" -v sat="$saturating" -v rate="$rate" \
    -v peak="$peak" -v ok="$(field ok "$row")" -v busy="$(field busy "$row")" \
    -v other="$(field other "$row")" -v p50="$(field p50_ms "$row")" \
    -v p99="$(field p99_ms "$row")" -v un="${unloaded:-0}" \
    -v live="$(field live_p99_ms "$row")" 'BEGIN {
      load = (w == 1) ? "unloaded" : sprintf("%.1fx", w / sat)
      total = ok + busy + other
      printf "| %s | %s | %d | %s | %d | %.0f%% | %.1f%% | %.2f | %.2f | %s | %.2f |\n", c, k, w,
        load, rate, 100 * rate / peak, total ? 100 * busy / total : 0, p50, p99,
        (un > 0 && w > 1) ? sprintf("%.1fx", p99 / un) : "-", live }'
done <"$WORK/table.tsv"
echo
echo "raw rows: $ROWS"
