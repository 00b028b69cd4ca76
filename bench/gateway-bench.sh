#!/usr/bin/env bash
# Reads through the gateway against the same reads straight from planning-service: wrk, 15 s and 50 connections
# per run, GET /api/v1/org-units/{id}, gateway and direct in turn, twice (after a warm-up of each). Prints
# requests/s, p50 and p99 of every run and the gateway/direct ratio. Target: ratio >= 0.8, gateway p99 < 20 ms.
# Each run also prints the CPU time per request of the proxy in the path and of planning-service (from /proc), which
# varies far less between runs than throughput does. For reference the same reads also go through nginx, a plain
# reverse proxy (one worker, a kept-alive connection pool, no token check): what one proxy hop costs on this machine.
# Starts its own suite (.suite-bench/gateway, ports 2808x) with the JVM settings of a production pod (one CPU, as the
# pods' limit gives it; 75 % of 512 Mi heap, serial GC, full JIT) and stops it afterwards.
# Two arrangements of the machine's two cores, each measured:
#   shared: every process on both cores, so the gateway's CPU is taken from the service's;
#   split:  the service side on core 0 (planning-service and its database, with the idle Kafka of the same devstack
#           process), the caller side on core 1 (wrk, the gateway, the other services). In the cluster the gateway has
#           a CPU of its own; here it shares the caller's, and what it costs never slows the service it measures.
#           Here a fourth target, "busy", is the direct reads again while a busy loop at the lowest priority (nice 19)
#           runs on core 1: it takes only the time wrk leaves idle there. It measures how much a busy neighbour core
#           alone slows the service on this machine (virtual cores share the host's caches and power budget).
#   ./bench/gateway-bench.sh [--keep]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  apt-get install -y wrk nginx-light >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk nginx-light >/dev/null; }
fi
export KTGS_HOME=$PWD/.suite-bench/gateway KTGS_GATEWAY_PORT=28080 KTGS_GATEWAY_MANAGEMENT_PORT=28090 \
  KTGS_PLANNING_PORT=28081 KTGS_INSPECTION_PORT=28082 KTGS_DISCIPLINE_PORT=28083 KTGS_COMPLAINTS_PORT=28084 \
  KTGS_PLANNING_MANAGEMENT_PORT=28091 KTGS_INSPECTION_MANAGEMENT_PORT=28092 KTGS_DISCIPLINE_MANAGEMENT_PORT=28093 \
  KTGS_COMPLAINTS_MANAGEMENT_PORT=28094 KTGS_PG_PORT=25433 KTGS_KAFKA_PORT=29092 KTGS_KAFKA_CONTROLLER_PORT=29093
NGINX_PORT=28088 NGINX_HOME=$KTGS_HOME/nginx
stop_nginx() {
  [ ! -f "$NGINX_HOME/nginx.pid" ] || { nginx -c "$NGINX_HOME/nginx.conf" -s stop 2>/dev/null && sleep 1; } || true
}
[ "${1:-}" = "--keep" ] || trap 'stop_nginx; ./suite down >/dev/null' EXIT
KTGS_JAVA_OPTS="-Xmx384m -XX:+UseSerialGC -XX:ActiveProcessorCount=1 -XX:+ExitOnOutOfMemoryError" ./suite up >/dev/null

mkdir -p "$NGINX_HOME"
cat >"$NGINX_HOME/nginx.conf" <<CONF
worker_processes 1;
pid $NGINX_HOME/nginx.pid;
error_log $NGINX_HOME/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream planning { server 127.0.0.1:$KTGS_PLANNING_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://planning;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
CONF
stop_nginx # one kept by an earlier --keep
nginx -c "$NGINX_HOME/nginx.conf"
sleep 1

TOKEN=$(./suite token admin)
UNIT=/api/v1/org-units/10000000-0000-4000-8000-000000000001
declare -A URL=([gateway]=http://127.0.0.1:$KTGS_GATEWAY_PORT$UNIT [direct]=http://127.0.0.1:$KTGS_PLANNING_PORT$UNIT
  [nginx]=http://127.0.0.1:$NGINX_PORT$UNIT [busy]=http://127.0.0.1:$KTGS_PLANNING_PORT$UNIT)
# the process whose CPU time each path adds to planning-service's: nginx's one worker
declare -A PROXY=([gateway]=$(cat "$KTGS_HOME/run/gateway.pid") [nginx]=$(pgrep -P "$(cat "$NGINX_HOME/nginx.pid")"))
PLANNING=$(cat "$KTGS_HOME/run/planning.pid")
TICK_US=$((1000000 / $(getconf CLK_TCK)))

CPUS=0,1 # where wrk runs

cpu_ticks() { # user and system time of process $1 so far, in clock ticks
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# wrk for $2 seconds against $1; prints "requests/s p50-ms p99-ms proxy-µs planning-µs" (CPU time per request, "-"
# where no proxy is in the path), or fails on any answer that is not 2xx.
measure() {
  local out proxy=${PROXY[$1]:-} p0=0 p1=0 s0 s1 busy=
  if [ "$1" = busy ]; then
    taskset -c "$CPUS" nice -n 19 sh -c 'while :; do :; done' &
    busy=$!
  fi
  [ -z "$proxy" ] || p0=$(cpu_ticks "$proxy")
  s0=$(cpu_ticks "$PLANNING")
  out=$(taskset -c "$CPUS" wrk -t2 -c50 -d"$2"s --latency -H "Authorization: Bearer $TOKEN" "${URL[$1]}")
  [ -z "$proxy" ] || p1=$(cpu_ticks "$proxy")
  s1=$(cpu_ticks "$PLANNING")
  [ -z "$busy" ] || kill "$busy"
  if grep -q -e "Non-2xx" -e "Socket errors" <<<"$out"; then
    echo "$out" >&2
    echo "gateway-bench: $1 had failed requests" >&2
    return 1
  fi
  awk -v tick="$TICK_US" -v proxy="${proxy:+$((p1 - p0))}" -v planning=$((s1 - s0)) '
       function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
       $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } $1 == "Requests/sec:" { rps = $2 }
       / requests in / { n = $1 }
       END { printf "%.0f %.2f %.2f %s %.0f\n", rps, p50, p99, proxy == "" ? "-" : sprintf("%.0f", proxy * tick / n),
                    planning * tick / n }' <<<"$out"
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
  pin "$2" "$(cat "$NGINX_HOME/nginx.pid")"
  pin "$1" "$(cat "$KTGS_HOME/run/planning.pid")"
  pin "$1" "$(cat "$KTGS_HOME/run/devstack.pid")"
  CPUS=$2
}

# rounds ARRANGEMENT TARGET...: the targets in turn, twice; prints the runs and each target's throughput over direct's
rounds() {
  local arrangement=$1 round target result rps p50 p99 proxy planning ratios=
  shift
  declare -A total=()
  for round in 1 2; do
    for target in "$@"; do
      result=$(measure "$target" 15)
      read -r rps p50 p99 proxy planning <<<"$result"
      printf '%-7s %-6s %-7s %8s %8s %8s %9s %9s\n' "$arrangement" "$round" "$target" "$rps" "$p50" "$p99" "$proxy" "$planning"
      total[$target]=$((${total[$target]:-0} + rps))
    done
  done
  for target in "$@"; do
    [ "$target" = direct ] || ratios+=" $target/direct $(awk -v t="${total[$target]}" -v d="${total[direct]}" 'BEGIN { printf "%.2f", t / d }')"
  done
  echo "$arrangement: throughput$ratios"
}

measure gateway 45 >/dev/null # warm-up: on a busy machine C2 needs about a minute of traffic
measure direct 45 >/dev/null
measure nginx 10 >/dev/null
echo "CPU µs/req: the CPU time per request of the proxy in the path, and of planning-service"
printf '%-7s %-6s %-7s %8s %8s %8s %9s %9s\n' cores round target 'req/s' 'p50 ms' 'p99 ms' 'proxy µs' 'svc µs'
rounds shared gateway direct nginx
arrange 0 1
measure gateway 5 >/dev/null # settle after the move
rounds split gateway direct nginx busy
