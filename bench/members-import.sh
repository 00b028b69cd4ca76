#!/usr/bin/env bash
# Imports 100,000 party members (NDJSON, one request) into a suite of its own (.suite-bench/members, ports 2808x)
# and prints the elapsed time and rate; then imports the same batch again (nothing changes, nothing is announced)
# and times how long the outbox relay takes to publish the 100,000 member events to Kafka.
#   ./bench/members-import.sh [count] [--keep]   (--keep leaves the suite running)
# The big request goes straight to planning-service, to time the service alone; the gateway takes it too (40M on that path).
set -euo pipefail
cd "$(dirname "$0")/.."
export KTGS_HOME=$PWD/.suite-bench/members KTGS_GATEWAY_PORT=28080 KTGS_GATEWAY_MANAGEMENT_PORT=28090 \
  KTGS_PLANNING_PORT=28081 KTGS_INSPECTION_PORT=28082 KTGS_DISCIPLINE_PORT=28083 KTGS_COMPLAINTS_PORT=28084 \
  KTGS_PLANNING_MANAGEMENT_PORT=28091 KTGS_INSPECTION_MANAGEMENT_PORT=28092 KTGS_DISCIPLINE_MANAGEMENT_PORT=28093 \
  KTGS_COMPLAINTS_MANAGEMENT_PORT=28094 KTGS_PG_PORT=25433 KTGS_KAFKA_PORT=29092 KTGS_KAFKA_CONTROLLER_PORT=29093
# full JIT, as in production; a 100,000-row batch is held in memory while it is checked, so 1 GiB of heap
KTGS_JAVA_OPTS="-Xmx1g -XX:+UseSerialGC" ./suite up >/dev/null
[ "${2:-${1:-}}" = "--keep" ] || trap './suite down >/dev/null' EXIT
count=${1:-100000}; [ "$count" = "--keep" ] && count=100000
java -cp "devstack/target/lib/*" bench/MembersImport.java "http://127.0.0.1:$KTGS_PLANNING_PORT" \
  "http://127.0.0.1:$KTGS_GATEWAY_PORT" "jdbc:postgresql://127.0.0.1:$KTGS_PG_PORT/planning" "$(./suite token integration)" "$count"
