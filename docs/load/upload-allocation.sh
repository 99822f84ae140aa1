#!/usr/bin/env bash
# Heap cost of checking a big uploaded table, phase by phase (UploadAllocationProbe): bytes allocated by
# reading, checking and compiling ROWS (default 10,000) extra routing rows, bytes allocated by the gap and
# dead-row analysis, and bytes retained afterwards, for ROUNDS (default 4) rounds in one JVM, on one
# background thread as in the service (nice 10, Drools building on that thread alone).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.channelrouter.bench.UploadAllocationProbe "${1:-10000}" "${ROUNDS:-4}" 2>&1 | grep '^round'
