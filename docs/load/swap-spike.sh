#!/usr/bin/env bash
# Latency of /routings/evaluate while a 10,000-row routing table is uploaded (read, checked, compiled) and
# published. Starts the built jar on a fresh embedded H2 database, warms /evaluate up for WARMUP (default
# 60s) and on until the JIT has settled (service.sh), measures PHASE (default 40s) of wrk -t2 -c32 as the
# normal, then the same load for exactly as long as the workbook takes to be uploaded and published (the
# swap), and prints both with the upload's and the publish's own times, then AFTER (default 20) seconds
# more. ROWS (default 10,000) extra routing rows. WARM_UPLOAD=1 first uploads (without publishing) another
# workbook of the same size, during the warm-up, as a service that has seen uploads before would have: the
# first big compile in a JVM also JIT-compiles the rule builder's code. THREAD_CPU=<file> also reports the
# CPU each kind of thread used in each window (docs/load/thread-cpu.py). Run after `mvn -DskipTests
# package`; needs wrk.
set -euo pipefail
cd "$(dirname "$0")/../.."
export LOAD_DIR=$PWD/docs/load MAX_REQUESTS=0
ROWS=${ROWS:-10000} WARMUP=${WARMUP:-60s} PHASE=${PHASE:-40}
workbook=${TMPDIR:-/tmp}/routing-$ROWS/routing.xlsx   # the name of the workbook it replaces
mkdir -p "$(dirname "$workbook")"
mvn -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" com.channelrouter.bench.BigTables "$ROWS" "$workbook"
earlier=${TMPDIR:-/tmp}/routing-$ROWS-earlier/routing.xlsx
if [[ "${WARM_UPLOAD:-0}" == 1 ]]; then
  mkdir -p "$(dirname "$earlier")"
  java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" com.channelrouter.bench.BigTables "$((ROWS - 1))" "$earlier"
fi
source docs/load/service.sh
evaluate() { wrk -t2 -c32 -d"$1" -s "$LOAD_DIR/evaluate.lua" "http://localhost:$PORT/api/v1/routings/evaluate" | grep RESULT; }
upload() { curl -s --fail-with-body -XPOST "localhost:$PORT/api/v1/decision-tables" -H 'X-API-Key: dev-table-owner' \
  -F "file=@$1;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" | grep -o '"version":"[^"]*"' | cut -d'"' -f4; }

if [[ "${WARM_UPLOAD:-0}" == 1 ]]; then
  evaluate "$WARMUP" > /dev/null &
  warming=$!
  sleep 1
  echo "earlier upload (during the warm-up): version $(upload "$earlier")"
  wait $warming
fi
evaluate "$WARMUP" > /dev/null
settle evaluate.lua "http://localhost:$PORT/api/v1/routings/evaluate"
echo "warmed up $WARMUP + ${settled}s"
if [[ -n "${THREAD_CPU:-}" ]]; then   # also record each thread's CPU, reported by kind for both windows at the end
  "$LOAD_DIR/thread-cpu.py" record "$service" "$THREAD_CPU" &
fi
normal_start=$(date +%s.%N)
echo "normal:          $(evaluate "${PHASE}s")"
normal_end=$(date +%s.%N)
# the swap's window is exactly the upload and the publish, however long they take on this machine: wrk runs
# until it is interrupted (it prints its summary on SIGINT), or for at most 15 minutes
evaluate 900s > "$data/during" &
during=$!
stop_load() { pkill -INT -P $during wrk || true; }
sleep 0.5
start=$(date +%s.%N)
version=$(upload "$workbook") || { stop_load; echo "the upload failed"; exit 1; }
uploaded=$(date +%s.%N)
curl -s --fail-with-body -XPOST "localhost:$PORT/api/v1/decision-tables/$version/publish" -H 'X-API-Key: dev-table-owner' > /dev/null \
  || { stop_load; echo "the publish failed"; exit 1; }
published=$(date +%s.%N)
stop_load
wait $during
echo "during the swap: $(cat "$data/during")"
echo "version $version: upload (read, check, compile) $(echo "$uploaded - $start" | bc) s, publish $(echo "$published - $uploaded" | bc) s"
# and right after it: whatever the swap left behind (the JIT compiling what the upload queued, collections)
after_start=$(date +%s.%N)
echo "after the swap:  $(evaluate "${AFTER:-20}s")"
after_end=$(date +%s.%N)
if [[ -n "${THREAD_CPU:-}" ]]; then
  "$LOAD_DIR/thread-cpu.py" report "$THREAD_CPU" "normal:$normal_start:$normal_end" "swap:$start:$published" "after:$after_start:$after_end"
fi
