#!/usr/bin/env bash
# HTTP load test on loopback: the echo ceiling, /routings/evaluate and /routings, each warmed up and
# then measured with wrk for DURATION (default 30s) at CONNECTIONS (default 32), bounded in count too
# (MAX_REQUESTS per wrk thread, default 2,000,000). Starts the built jar with the bench profile on a fresh
# embedded H2 database, or on MariaDB with DB=mariadb (database channel_router_bench, user channel_router).
# Run after `mvn -DskipTests package`; needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
export LOAD_DIR=$PWD/docs/load MAX_REQUESTS=${MAX_REQUESTS:-2000000}
DURATION=${DURATION:-30s} CONNECTIONS=${CONNECTIONS:-32} PORT=${PORT:-18080}
data=$(mktemp -d)
args=(--server.port="$PORT" --spring.profiles.include=bench --channel-router.scheduling.enabled=true)
if [[ "${DB:-h2}" == mariadb ]]; then
  mariadb -uroot -e "DROP DATABASE IF EXISTS channel_router_bench; CREATE DATABASE channel_router_bench CHARACTER SET utf8mb4;
    CREATE USER IF NOT EXISTS 'channel_router'@'%' IDENTIFIED BY 'channel_router';
    CREATE USER IF NOT EXISTS 'channel_router'@'localhost' IDENTIFIED BY 'channel_router';
    GRANT ALL ON channel_router_bench.* TO 'channel_router'@'%'; GRANT ALL ON channel_router_bench.* TO 'channel_router'@'localhost';"
  args+=(--spring.datasource.url="jdbc:mysql://127.0.0.1:3306/channel_router_bench?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&rewriteBatchedStatements=true"
         --spring.datasource.username=channel_router --spring.datasource.password=channel_router
         --spring.datasource.hikari.maximum-pool-size=40 --channel-router.security.demo-clients-on-any-database=true)
else
  args+=(--spring.datasource.url="jdbc:h2:file:$data/bench;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
fi
java ${JAVA_OPTS:--Xms1g -Xmx1g} -jar target/channel-router.jar "${args[@]}" > "$data/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "localhost:$PORT/actuator/health" > /dev/null; do sleep 0.5; done

run() { # name script path
  MAX_REQUESTS=0 wrk -t2 -c"$CONNECTIONS" -d10s -s "$LOAD_DIR/$2" "http://localhost:$PORT$3" > /dev/null   # warm-up
  printf '%-10s ' "$1"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$LOAD_DIR/$2" "http://localhost:$PORT$3" | grep RESULT
}
run echo echo.lua /bench/echo
run evaluate evaluate.lua /api/v1/routings/evaluate
run routings route.lua /api/v1/routings
curl -s "localhost:$PORT/actuator/prometheus" -H 'X-API-Key: dev-admin' \
  | awk '/^jvm_memory_used_bytes\{area="heap"/ {used += $2} /^jvm_memory_committed_bytes\{area="heap"/ {committed += $2}
         END {printf "heap after the runs: %.0f MB used, %.0f MB committed\n", used / 1048576, committed / 1048576}'
