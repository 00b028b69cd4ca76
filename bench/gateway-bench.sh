#!/usr/bin/env bash
# Reads through the gateway against the same reads straight from planning-service: wrk, 15 s and 50 connections
# per run, GET /api/v1/org-units/{id}, gateway and direct in turn, twice (after a warm-up of each). Prints
# requests/s, p50 and p99 of every run and the gateway/direct ratio. Target: ratio >= 0.8, gateway p99 < 20 ms.
# Starts its own suite (.suite-bench/gateway, ports 2808x) with the JVM settings of a production pod (one CPU, as the
# pods' limit gives it; 75 % of 512 Mi heap, serial GC, full JIT) and stops it afterwards.
# Two arrangements of the machine's two cores, each measured:
#   shared: every process on both cores, so the gateway's CPU is taken from the service's;
#   split:  the service side on core 0 (planning-service and its database, with the idle Kafka of the same devstack
#           process), the caller side on core 1 (wrk, the gateway, the other services). In the cluster the gateway has
#           a CPU of its own; here it shares the caller's, and what it costs never slows the service it measures.
#   ./bench/gateway-bench.sh [--keep]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null; then
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
export KTGS_HOME=$PWD/.suite-bench/gateway KTGS_GATEWAY_PORT=28080 KTGS_GATEWAY_MANAGEMENT_PORT=28090 \
  KTGS_PLANNING_PORT=28081 KTGS_INSPECTION_PORT=28082 KTGS_DISCIPLINE_PORT=28083 KTGS_COMPLAINTS_PORT=28084 \
  KTGS_PLANNING_MANAGEMENT_PORT=28091 KTGS_INSPECTION_MANAGEMENT_PORT=28092 KTGS_DISCIPLINE_MANAGEMENT_PORT=28093 \
  KTGS_COMPLAINTS_MANAGEMENT_PORT=28094 KTGS_PG_PORT=25433 KTGS_KAFKA_PORT=29092 KTGS_KAFKA_CONTROLLER_PORT=29093
[ "${1:-}" = "--keep" ] || trap './suite down >/dev/null' EXIT
KTGS_JAVA_OPTS="-Xmx384m -XX:+UseSerialGC -XX:ActiveProcessorCount=1 -XX:+ExitOnOutOfMemoryError" ./suite up >/dev/null

TOKEN=$(./suite token admin)
UNIT=/api/v1/org-units/10000000-0000-4000-8000-000000000001
declare -A URL=([gateway]=http://127.0.0.1:$KTGS_GATEWAY_PORT$UNIT [direct]=http://127.0.0.1:$KTGS_PLANNING_PORT$UNIT)

CPUS=0,1 # where wrk runs

# wrk for $2 seconds against $1; prints "requests/s p50-ms p99-ms", or fails on any answer that is not 2xx.
measure() {
  local out
  out=$(taskset -c "$CPUS" wrk -t2 -c50 -d"$2"s --latency -H "Authorization: Bearer $TOKEN" "${URL[$1]}")
  if grep -q -e "Non-2xx" -e "Socket errors" <<<"$out"; then
    echo "$out" >&2
    echo "gateway-bench: $1 had failed requests" >&2
    return 1
  fi
  awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
       $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } $1 == "Requests/sec:" { rps = $2 }
       END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }' <<<"$out"
}

# pin CPUS PID: the process, its threads and its children (PostgreSQL's backends, Kafka) to CPUS
pin() {
  taskset -a -p -c "$1" "$2" >/dev/null
  local child
  for child in $(pgrep -P "$2"); do pin "$1" "$child"; done
}
arrange() {
  local app
  for app in inspection discipline complaints gateway; do
    pin "$2" "$(cat "$KTGS_HOME/run/$app.pid")"
  done
  pin "$1" "$(cat "$KTGS_HOME/run/planning.pid")"
  pin "$1" "$(cat "$KTGS_HOME/run/devstack.pid")"
  CPUS=$2
}

# rounds ARRANGEMENT: gateway and direct in turn, twice; prints the runs and the ratio
rounds() {
  local round target result rps p50 p99
  declare -A total=([gateway]=0 [direct]=0)
  for round in 1 2; do
    for target in gateway direct; do
      result=$(measure "$target" 15)
      read -r rps p50 p99 <<<"$result"
      printf '%-7s %-6s %-7s %8s %8s %8s\n' "$1" "$round" "$target" "$rps" "$p50" "$p99"
      total[$target]=$((total[$target] + rps))
    done
  done
  awk -v a="$1" -v g="${total[gateway]}" -v d="${total[direct]}" 'BEGIN { printf "%s: gateway/direct throughput %.2f\n", a, g / d }'
}

measure gateway 45 >/dev/null # warm-up: on a busy machine C2 needs about a minute of traffic
measure direct 45 >/dev/null
printf '%-7s %-6s %-7s %8s %8s %8s\n' cores round target 'req/s' 'p50 ms' 'p99 ms'
rounds shared
arrange 0 1
measure gateway 5 >/dev/null # settle after the move
rounds split
