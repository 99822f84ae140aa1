#!/usr/bin/env bash
# Where the service's CPU goes under /routings load on MariaDB: starts the built jar (JAR=… for another build) on a
# fresh channel_router_bench database, loads /routings with wrk -t2 at CONNECTIONS (default 32) for WARMUP (default
# 90s) and on until the JIT has settled (service.sh), then attaches async-profiler (itimer, 1 ms; fetched from Maven
# Central as tools.profiler:async-profiler into the local repository on first use) for 30 s of the same load, and
# writes the collapsed stacks to OUT (default target/routings-profile.collapsed: one line per stack, its samples at
# the end; flamegraph tools read it). Prints wrk's result for the profiled 30 s (the profiler slows the service a
# little: compare throughput without it) and each kind of thread's share of the samples. Run after
# `mvn -DskipTests package`; needs wrk, curl, bc, unzip, a JDK's jcmd and jstat, Maven and the local MariaDB.
set -euo pipefail
cd "$(dirname "$0")/../.."
export LOAD_DIR=$PWD/docs/load DB=mariadb
WARMUP=${WARMUP:-90s} OUT=${OUT:-$PWD/target/routings-profile.collapsed} PROFILER_VERSION=${PROFILER_VERSION:-4.1}
profiler=$PWD/target/async-profiler
mvn -q dependency:copy -Dartifact=tools.profiler:async-profiler:$PROFILER_VERSION -DoutputDirectory="$profiler"
platform=linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')
unzip -q -o "$profiler/async-profiler-$PROFILER_VERSION.jar" "$platform/*" -d "$profiler"
library=$profiler/$platform/libasyncProfiler.so
source docs/load/service.sh

url="http://localhost:$PORT/api/v1/routings"
MAX_REQUESTS=0 wrk -t2 -c"${CONNECTIONS:-32}" -d"$WARMUP" -s "$LOAD_DIR/route.lua" "$url" > /dev/null
settle route.lua "$url"
# jcmd reads name=value arguments as its own options: the agent's options go in quotes, as one argument
jcmd "$service" JVMTI.agent_load "$library" "\"start,event=itimer,interval=1ms\"" > /dev/null
wrk -t2 -c"${CONNECTIONS:-32}" -d30s -s "$LOAD_DIR/route.lua" "$url" | grep RESULT
mkdir -p "$(dirname "$OUT")"
jcmd "$service" JVMTI.agent_load "$library" "\"stop,file=$OUT,collapsed\"" > /dev/null
echo "collapsed stacks: $OUT"
awk '{ n = $NF; total += n
       if ($0 ~ /G1|GangWorker|ConcurrentGCThread/) kind = "garbage collector"
       else if ($0 ~ /CompileBroker/) kind = "JIT compiler"
       else if ($0 ~ /RoutingRecorder.writeGroups/) kind = "routing writers (group commit)"
       else if ($0 ~ /NioEndpoint\$Poller/) kind = "Tomcat poller"
       else if ($0 ~ /SocketProcessorBase.run/) kind = "Tomcat request threads"
       else if ($0 ~ /OutboxRelay/) kind = "outbox relay"
       else kind = "other"
       by[kind] += n }
     END { for (k in by) printf "%6.1f%%  %s\n", 100 * by[k] / total, k }' "$OUT" | sort -rn
