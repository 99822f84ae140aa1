#!/usr/bin/env bash
# Replays 100,000 cases (the sample cases repeated, each with its own name) from the command line and
# prints the wall time and peak memory. Run after `mvn -DskipTests package`.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${TMPDIR:-/tmp}/replay-100k.jsonl
python3 - "$out" <<'PY'
import json, sys
cases = [json.loads(l) for l in open("qa/cases/sample-cases.jsonl") if l.strip()]
with open(sys.argv[1], "w") as f:
    for i in range(100_000):
        case = dict(cases[i % len(cases)])
        case["name"] = f"{case['name']} #{i}"
        f.write(json.dumps(case) + "\n")
PY
/usr/bin/time -f "wall %e s, peak RSS %M KB" java -jar target/channel-router.jar replay "$out" | tail -2
