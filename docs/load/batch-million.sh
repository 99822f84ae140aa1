#!/usr/bin/env bash
# Routes LINES (default 1,000,000) churn alerts through POST /api/v1/routings/batch as one gzip-compressed
# NDJSON stream, on MariaDB by default (DB=h2 for the embedded database), then sends the same batch again to
# show that nothing is stored twice. Prints the time, the answers by status, the cores the service, mariadbd
# and the client (curl and the count of the answers) used during the first run with the CPU per line, the
# rows stored and the service's peak memory. Run after `mvn -DskipTests package`.
# WARMUP_LINES (default 200,000) alerts with other external ids are sent first, untimed, as a service that
# has been running would have done: on two cores a fresh JVM spends most of a core for its first minute
# or so compiling the code a batch runs. WARMUP_LINES=0 measures the cold service.
set -euo pipefail
cd "$(dirname "$0")/../.."
LINES=${LINES:-1000000}
WARMUP_LINES=${WARMUP_LINES:-200000}
export DB=${DB:-mariadb}
batch=${TMPDIR:-/tmp}/alerts-$LINES.ndjson.gz
warmup=${TMPDIR:-/tmp}/warmup-alerts-$WARMUP_LINES.ndjson.gz
alerts() { # alerts <count> <external-id prefix>
  python3 - "$1" "$2" <<'PY'
import sys, datetime
# recent arrival times, as for a nightly hand-over: the escalation job has nothing due during the run
now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
times = [(now - datetime.timedelta(minutes=m)).strftime("%Y-%m-%dT%H:%M:%SZ") for m in range(10)]
classes, kinds = "ABCD", ["CHURN_RISK", "COMPETITOR_POACHING", "CONTRACT_EXPIRY"]
products = ["VPMN", "GROUP_COLOR_RING", "ENTERPRISE_SMS", "DEDICATED_LINE", "MAS", "GPRS_ACCESS"]
out = sys.stdout
prefix = sys.argv[2]
for n in range(int(sys.argv[1])):
    am = f',"accountManagerId":"AM-{n % 997}"' if n % 3 else ',"accountManagerId":null'
    out.write(f'{{"itemType":"ALERT","externalId":"{prefix}{n:08d}","sourceChannel":"BI_SYSTEM","occurredAt":"{times[n % 10]}",'
              f'"customer":{{"id":"GC-{n % 200000:06d}","customerClass":"{classes[n % 4]}"{am}}},'
              f'"alertKind":"{kinds[n % 3]}","productCode":"{products[n % 6]}"}}\n')
PY
}
alerts "$LINES" BI- | gzip -1 > "$batch"
alerts "$WARMUP_LINES" WARMUP- | gzip -1 > "$warmup"
source docs/load/service.sh

send() { # send <file>
  curl -s --fail-with-body -XPOST "localhost:$PORT/api/v1/routings/batch" -H 'X-API-Key: dev-bi-system' \
    -H 'Content-Type: application/x-ndjson' -H 'Content-Encoding: gzip' --data-binary @"$1" -D "$data/headers" \
    | cut -d, -f2 | sort | uniq -c | sed 's/^/   answers /'
}
if (( WARMUP_LINES > 0 )); then
  start=$(date +%s.%N); send "$warmup"; end=$(date +%s.%N)
  echo "warm-up batch of $WARMUP_LINES other alerts, untimed: $(echo "$end - $start" | bc) s"
fi
echo "batch of $LINES lines ($(du -h "$batch" | cut -f1) gzip)"
database=$([[ "$DB" == mariadb ]] && pgrep -x mariadbd || true)
service_before=$(cpu_ticks "$service"); database_before=$([[ -n "$database" ]] && cpu_ticks "$database" || echo 0)
times > "$data/times-before"; start=$(date +%s.%N); send "$batch"; end=$(date +%s.%N); times > "$data/times-after"
service_after=$(cpu_ticks "$service"); database_after=$([[ -n "$database" ]] && cpu_ticks "$database" || echo 0)
echo "first run: $(echo "$end - $start" | bc) s"
# the client (curl and the count of the answers) shares the machine: its cores are what the other two did not get
awk -v s="$((service_after - service_before))" -v d="$((database_after - database_before))" -v t="$(getconf CLK_TCK)" \
    -v c="$(echo "$(children_cpu "$data/times-after") - $(children_cpu "$data/times-before")" | bc)" -v seconds="$(echo "$end - $start" | bc)" -v lines="$LINES" 'BEGIN {
  printf "cores: service %.2f, mariadb %.2f, client %.2f; CPU per line: service %.3f ms, mariadb %.3f ms, together %.3f ms\n",
    s / t / seconds, d / t / seconds, c / seconds, s / t / lines * 1000, d / t / lines * 1000, (s + d) / t / lines * 1000 }'
curl -s "localhost:$PORT$(grep -i '^location:' "$data/headers" | cut -d' ' -f2 | tr -d '\r')" -H 'X-API-Key: dev-bi-system'; echo
start=$(date +%s.%N); send "$batch"; end=$(date +%s.%N)
echo "second run (all replayed): $(echo "$end - $start" | bc) s"
if [[ "$DB" == mariadb ]]; then
  mariadb -uroot channel_router_bench -e "SELECT COUNT(*) AS work_items, COUNT(DISTINCT external_id) AS distinct_external_ids FROM work_item WHERE external_id LIKE 'BI-%'"
fi
grep VmHWM /proc/$service/status | sed 's/VmHWM:/service peak RSS:/'
