#!/usr/bin/env bash
# What publishing a candidate rebuilt on the live set costs (DecisionTableVersions.onTheLiveSet). On a fresh
# service (embedded H2): uploads an edited sla.xlsx and a ROWS-row (default 10,000) routing.xlsx, both on the
# shipped tables; publishes the routing one (compiled at its upload: a swap); then publishes the SLA one, which
# is now rebuilt on the 10,000-row live set, checked, analysed, tested and compiled again before it goes live.
# For comparison it then uploads another sla.xlsx on that live set and publishes it the usual way. Prints each
# request's status and seconds. Run after `mvn -DskipTests package`.
set -euo pipefail
cd "$(dirname "$0")/../.."
export LOAD_DIR=$PWD/docs/load
ROWS=${ROWS:-10000}
mvn -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
routing=${TMPDIR:-/tmp}/routing-$ROWS/routing.xlsx
mkdir -p "$(dirname "$routing")"
[[ -f $routing ]] || java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" com.channelrouter.bench.BigTables "$ROWS" "$routing"
work=$(mktemp -d)
sla_with_note() { # note file: the shipped sla.xlsx with its first note changed, so that each upload is new content
  python3 - "$1" "$2" <<'PY'
import sys, zipfile
note, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile('decision-tables/sla.xlsx') as source, zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as copy:
    for item in source.infolist():
        data = source.read(item.filename)
        if item.filename == 'xl/sharedStrings.xml':
            data = data.replace(b'Dedicated line of an A/B customer', ('Dedicated line of an A/B customer (' + note + ')').encode())
        copy.writestr(item, data)
PY
}
mkdir -p "$work/a" "$work/b"
sla_with_note "first note" "$work/a/sla.xlsx"
sla_with_note "second note" "$work/b/sla.xlsx"
source docs/load/service.sh
owner=(-H 'X-API-Key: dev-table-owner')
timed() { # label, curl arguments…: prints the label, status and seconds; leaves the body in $work/body
  local label=$1; shift
  printf '%-44s %s\n' "$label" "$(curl -s -o "$work/body" -w '%{http_code} %{time_total}s' "${owner[@]}" "$@")"
}
version() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$work/body"; }
timed "upload sla.xlsx (on the shipped tables)" "localhost:$PORT/api/v1/decision-tables" -F "file=@$work/a/sla.xlsx"
sla=$(version)
timed "upload routing.xlsx, $ROWS rows" "localhost:$PORT/api/v1/decision-tables" -F "file=@$routing"
big=$(version)
timed "publish routing.xlsx" -XPOST "localhost:$PORT/api/v1/decision-tables/$big/publish"
timed "publish sla.xlsx: rebuilt on the $ROWS rows" -XPOST "localhost:$PORT/api/v1/decision-tables/$sla/publish"
python3 -c 'import json,sys; b=json.load(open(sys.argv[1])); print("  live:", b["version"], b["origin"], "based on", b["basedOn"])' "$work/body"
timed "upload another sla.xlsx (on the live set)" "localhost:$PORT/api/v1/decision-tables" -F "file=@$work/b/sla.xlsx"
again=$(version)
timed "publish it: nothing to rebuild" -XPOST "localhost:$PORT/api/v1/decision-tables/$again/publish"
rm -rf "$work"
