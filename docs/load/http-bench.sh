#!/usr/bin/env bash
# HTTP load test on loopback: the echo ceiling, /routings/evaluate and /routings, each warmed up for
# WARMUP (default 60s) and then in 10 s slices until the JIT compiler has settled (on two cores it needs
# one to three minutes of /routings load, by the machine's speed; jstat tells), and then measured with wrk
# for DURATION (default 30s) at CONNECTIONS (default 32), bounded in count too (MAX_REQUESTS per wrk
# thread, default 2,000,000). Starts the built jar with the bench profile on a fresh
# embedded H2 database, or on MariaDB with DB=mariadb (database channel_router_bench, user channel_router).
# ENDPOINTS picks some of them (e.g. ENDPOINTS=routings). Run after `mvn -DskipTests package`; needs wrk
# (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
export LOAD_DIR=$PWD/docs/load MAX_REQUESTS=${MAX_REQUESTS:-2000000}
DURATION=${DURATION:-30s} CONNECTIONS=${CONNECTIONS:-32} WARMUP=${WARMUP:-60s}
source docs/load/service.sh

run() { # name script path
  MAX_REQUESTS=0 wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$LOAD_DIR/$2" "http://localhost:$PORT$3" > /dev/null   # warm-up
  settle "$2" "http://localhost:$PORT$3"
  printf '%-10s ' "$1"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$LOAD_DIR/$2" "http://localhost:$PORT$3" | grep RESULT | tr -d '\n'
  echo " (warmed up $WARMUP + ${settled}s)"
}
for endpoint in ${ENDPOINTS:-echo evaluate routings}; do
  case $endpoint in
    echo) run echo echo.lua /bench/echo ;;
    evaluate) run evaluate evaluate.lua /api/v1/routings/evaluate ;;
    routings) run routings route.lua /api/v1/routings ;;
  esac
done
curl -s "localhost:$PORT/actuator/prometheus" -H 'X-API-Key: dev-admin' \
  | awk '/^jvm_memory_used_bytes\{area="heap"/ {used += $NF} /^jvm_memory_committed_bytes\{area="heap"/ {committed += $NF}
         END {printf "heap after the runs: %.0f MB used, %.0f MB committed\n", used / 1048576, committed / 1048576}'
