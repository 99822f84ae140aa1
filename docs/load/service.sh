# Sourced by the load scripts: starts the built jar with the bench profile on a fresh database (embedded H2,
# or MariaDB's channel_router_bench with DB=mariadb), waits until it is up, and stops it on exit.
# Sets $PORT and $service (the pid); defines settle (below) and the CPU accounting at the end.
PORT=${PORT:-18080}
data=$(mktemp -d)
args=(--server.port="$PORT" --spring.profiles.include=bench)
if [[ "${DB:-h2}" == mariadb ]]; then
  mariadb -uroot -e "DROP DATABASE IF EXISTS channel_router_bench; CREATE DATABASE channel_router_bench CHARACTER SET utf8mb4;
    CREATE USER IF NOT EXISTS 'channel_router'@'%' IDENTIFIED BY 'channel_router';
    CREATE USER IF NOT EXISTS 'channel_router'@'localhost' IDENTIFIED BY 'channel_router';
    CREATE USER IF NOT EXISTS 'channel_router'@'127.0.0.1' IDENTIFIED BY 'channel_router';
    GRANT ALL ON channel_router_bench.* TO 'channel_router'@'127.0.0.1';
    GRANT ALL ON channel_router_bench.* TO 'channel_router'@'%'; GRANT ALL ON channel_router_bench.* TO 'channel_router'@'localhost';"
  # the driver settings of the mysql profile (application.yml), given in the URL because this runs without it
  args+=(--spring.datasource.url="jdbc:mysql://127.0.0.1:3306/channel_router_bench?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&rewriteBatchedStatements=true&useServerPrepStmts=true&cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=65536${URL_OPTIONS:-}"
         --spring.datasource.username=channel_router --spring.datasource.password=channel_router
         --spring.datasource.hikari.maximum-pool-size=${POOL:-40} --channel-router.security.demo-clients-on-any-database=true)
else
  args+=(--spring.datasource.url="jdbc:h2:file:$data/bench;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
fi
java ${JAVA_OPTS:--Xms1g -Xmx1g} -jar ${JAR:-target/channel-router.jar} "${args[@]}" ${EXTRA_ARGS:-} > "$data/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true; cp "$data/service.log" /tmp/channel-router-bench.log; rm -rf "$data"' EXIT
until curl -sf "localhost:$PORT/actuator/health" > /dev/null; do
  kill -0 $service 2>/dev/null || { cat "$data/service.log"; exit 1; }
  sleep 0.5
done

# Warms up on in 10 s slices of wrk with SCRIPT against URL until the JIT compiler has settled (a slice adds
# under 1 s of compile time, as jstat counts it; on a slow machine it still used most of a core a minute into
# the load), at most SETTLE_SLICES (default 18). Sets $settled to the seconds it added.
settle() { # script url
  settled=0
  local before
  while (( settled < ${SETTLE_SLICES:-18} * 10 )); do
    before=$(compile_seconds)
    MAX_REQUESTS=0 wrk -t2 -c"${CONNECTIONS:-32}" -d10s -s "$LOAD_DIR/$1" "$2" > /dev/null
    settled=$((settled + 10))
    (( $(echo "$(compile_seconds) - $before < 1" | bc) )) && break
  done
  return 0
}
compile_seconds() { jstat -compiler "$service" | awk 'NR == 2 {print $4}'; }

# CPU accounting for the scripts that print cores: a process's utime + stime in clock ticks
# (getconf CLK_TCK), and the CPU seconds of this shell's finished children from a file written by
# `times` in this shell (its second line; a subshell's `times` has none of them).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
children_cpu() { awk 'END { split($1, u, /[ms]/); split($2, s, /[ms]/); print u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$1"; }
