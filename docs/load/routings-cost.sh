#!/usr/bin/env bash
# What a stored /routings item costs on MariaDB: starts the built jar (JAR=… for another build) on a fresh
# channel_router_bench database, loads /routings with wrk -t2 at CONNECTIONS (default 32) for WARMUP
# (default 90s) and on until the JIT has settled (service.sh), then measures 30 s and prints wrk's result;
# the cores the service, mariadbd and wrk used and the machine left idle (at 32 connections a request mostly
# waits for its group's turn, and the machine is not full); the CPU each stored item cost on both sides; and
# MariaDB's statement and row counters over those 30 s (Com_commit against the items gives the size of the
# writers' groups). Needs wrk and the local MariaDB (root through the socket, as docs/load/service.sh). Run
# after `mvn -DskipTests package`; alternate builds back to back: this machine's speed moves by ±20% between
# runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
export LOAD_DIR=$PWD/docs/load DB=mariadb
WARMUP=${WARMUP:-90s}
source docs/load/service.sh

url="http://localhost:$PORT/api/v1/routings"
ticks=$(getconf CLK_TCK)
idle_ticks() { awk '/^cpu / {print $5 + $6}' /proc/stat; }   # idle + iowait, all cores
counters() {
  mariadb -uroot -N -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_commit', 'Com_select', 'Com_insert',
    'Com_update', 'Com_delete', 'Com_stmt_execute', 'Com_stmt_prepare', 'Handler_write', 'Bytes_received',
    'Innodb_os_log_written', 'Innodb_buffer_pool_reads', 'Innodb_data_fsyncs', 'Innodb_pages_written', 'Com_set_option')"
}

MAX_REQUESTS=0 wrk -t2 -c"${CONNECTIONS:-32}" -d"$WARMUP" -s "$LOAD_DIR/route.lua" "$url" > /dev/null
settle route.lua "$url"
database=$(pgrep -x mariadbd)
before=$(counters); service_before=$(cpu_ticks "$service"); database_before=$(cpu_ticks "$database"); idle_before=$(idle_ticks)
times > "$data/times-before"; started=$(date +%s.%N)
result=$(wrk -t2 -c"${CONNECTIONS:-32}" -d30s -s "$LOAD_DIR/route.lua" "$url" | grep RESULT)
ended=$(date +%s.%N); times > "$data/times-after"
service_after=$(cpu_ticks "$service"); database_after=$(cpu_ticks "$database"); idle_after=$(idle_ticks); after=$(counters)
wrk_seconds=$(echo "$(children_cpu "$data/times-after") - $(children_cpu "$data/times-before")" | bc)

echo "$result (warmed up $WARMUP + ${settled}s)"
items=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<< "$result")
awk -v s="$((service_after - service_before))" -v d="$((database_after - database_before))" -v t="$ticks" \
    -v w="$wrk_seconds" -v i="$((idle_after - idle_before))" -v seconds="$(echo "$ended - $started" | bc)" -v items="$items" 'BEGIN {
  printf "cores: service %.2f, mariadb %.2f, wrk %.2f, idle %.2f; CPU per stored item: service %.3f ms, mariadb %.3f ms, together %.3f ms\n",
    s / t / seconds, d / t / seconds, w / seconds, i / t / seconds, s / t / items * 1000, d / t / items * 1000, (s + d) / t / items * 1000 }'
echo "MariaDB over the 30 s (per stored item):"
join <(sort <<< "$before") <(sort <<< "$after") | awk -v items="$items" '{printf "  %-22s %12d  %8.2f\n", $1, $3 - $2, ($3 - $2) / items}'
