#!/usr/bin/env bash
# The overload benchmark: drives the example backend's write endpoint (POST /api/connections) on
# the local PostgreSQL with wrk, at 1x, 2.5x and 5x its saturating concurrency, with the adaptive
# limiter and without it, while /live is probed every 10 ms; then the figures of issue 17 item 11
# (20 and 50 writers), on this build and, when given, on an earlier build. Everything runs in one
# go, on 127.0.0.1 only, each load bounded by DURATION seconds, and every figure is a ratio to a
# baseline measured in the same run. Run it under the shared build lock:
#
#   flock -o /tmp/safeguards-build.lock benchmarks/overload/overload.sh \
#     example-backend/target/example-backend.jar [earlier-example-backend.jar]
set -euo pipefail

JAR=${1:?usage: overload.sh JAR [EARLIER_JAR]}
EARLIER=${2:-}
DURATION=${DURATION:-10}
PORT=${PORT:-18471}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d /tmp/overload.XXXXXX)
ROWS=$WORK/rows.tsv
PSQL=(psql -h 127.0.0.1 -U postgres -d postgres -qAt -v ON_ERROR_STOP=1)
SERVICE=""
DATABASE=""

stop_service() {
  if [[ -n $SERVICE ]]; then
    kill -TERM "$SERVICE" 2>/dev/null || true
    wait "$SERVICE" 2>/dev/null || true
    SERVICE=""
  fi
  if [[ -n $DATABASE ]]; then
    "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DATABASE" || true
    DATABASE=""
  fi
}
trap stop_service EXIT

# start_service JAR NAME [ENV=VALUE...]: a fresh database, the jar as a process, ready.
start_service() {
  local jar=$1 name=$2
  shift 2
  local db="overload_${name//-/_}_$$"
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  DATABASE=$db
  env PORT="$PORT" DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$db" DATABASE_USER=postgres \
    LOG_LEVEL=WARN DRAIN_DELAY=0s "$@" java -jar "$jar" >"$WORK/$name.log" 2>&1 &
  SERVICE=$!
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/ready" 2>/dev/null; then
      wrk -t2 -c10 -d3s -s "$HERE/write.lua" "http://127.0.0.1:$PORT" -- "warm-$name" >/dev/null
      return
    fi
    sleep 0.5 # polling a starting process for readiness, bounded to 60 s
  done
  echo "the service did not become ready; see $WORK/$name.log" >&2
  exit 1
}

# load CONFIG WRITERS: one bounded write load with the /live prober beside it; appends a row.
load() {
  local config=$1 writers=$2 seconds=${3:-$DURATION}
  local live=$WORK/live-$config-$writers.txt
  wrk -t1 -c1 -d"${seconds}s" --latency -s "$HERE/live.lua" "http://127.0.0.1:$PORT/live" >"$live" &
  local prober=$!
  local result
  result=$(wrk -t"$writers" -c"$writers" -d"${seconds}s" --timeout 10s -s "$HERE/write.lua" \
    "http://127.0.0.1:$PORT" -- "$config-$writers-$RANDOM" | grep '^RESULT')
  wait "$prober"
  local live_p99
  live_p99=$(awk '$1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
    if (u == "us") v /= 1000; else if (u == "s") v *= 1000; print v }' "$live")
  echo "$config $writers $result live_p99_ms=$live_p99" | tee -a "$ROWS"
}

field() { # field NAME ROW
  sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"
}

goodput() { # ok / seconds
  awk -v ok="$(field ok "$1")" -v s="$(field seconds "$1")" 'BEGIN { printf "%.0f", ok / s }'
}

# Without the limiter: the unloaded latency, then the saturating concurrency (the fewest writers
# that reach 95% of the best goodput of a short sweep), then the loads.
start_service "$JAR" off API_CONCURRENCY_LIMIT=off
load off 1
best=0
for writers in 5 10 20 40; do
  load sweep "$writers" 5
  rate=$(goodput "$(tail -1 "$ROWS")")
  if ((rate > best)); then best=$rate; fi
done
saturating=40
for writers in 40 20 10 5; do
  rate=$(goodput "$(grep "^sweep $writers " "$ROWS")")
  if ((rate * 100 >= best * 95)); then saturating=$writers; fi
done
loads=("$saturating" $((saturating * 5 / 2)) $((saturating * 5)))
for writers in "${loads[@]}"; do load off "$writers"; done
stop_service

start_service "$JAR" adaptive
load adaptive 1
for writers in "${loads[@]}"; do load adaptive "$writers"; done
load after 20
load after 50
stop_service

if [[ -n $EARLIER ]]; then
  start_service "$EARLIER" before
  load before 20
  load before 50
  stop_service
fi

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
echo "| limiter | writers | load | goodput (writes/s) | goodput / peak | 503 share | admitted p50 ms | admitted p99 ms | p99 / unloaded p99 | /live p99 ms |"
echo "|---|---|---|---|---|---|---|---|---|---|"
while read -r row; do
  config=${row%% *}
  rest=${row#* }
  writers=${rest%% *}
  [[ $config == sweep ]] && continue
  base_config=$config
  [[ $config == after ]] && base_config=adaptive
  unloaded=$(field p99_ms "$(grep "^$base_config 1 " "$ROWS" || true)")
  rate=$(goodput "$row")
  awk -v c="$config" -v w="$writers" -v sat="$saturating" -v rate="$rate" -v peak="$peak" \
    -v ok="$(field ok "$row")" -v busy="$(field busy "$row")" -v other="$(field other "$row")" \
    -v p50="$(field p50_ms "$row")" -v p99="$(field p99_ms "$row")" -v un="${unloaded:-0}" \
    -v live="$(field live_p99_ms "$row")" 'BEGIN {
      load = (w == 1) ? "unloaded" : sprintf("%.1fx", w / sat)
      total = ok + busy + other
      printf "| %s | %d | %s | %d | %.0f%% | %.1f%% | %.2f | %.2f | %s | %.2f |\n", c, w, load,
        rate, 100 * rate / peak, total ? 100 * busy / total : 0, p50, p99,
        (un > 0 && w > 1) ? sprintf("%.1fx", p99 / un) : "-", live }'
done <"$WORK/table.tsv"
echo
echo "raw rows: $ROWS"
