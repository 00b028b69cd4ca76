#!/usr/bin/env bash
# Makes inspection-service's database refuse connections for 20 s while 1,000 org-unit events arrive, then
# times how long the service takes to apply them all once the database is back. Starts its own suite
# (.suite-bench/outage, ports 3808x) and stops it afterwards.   ./bench/inbox-outage.sh [count] [outage seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
export KTGS_HOME=$PWD/.suite-bench/outage KTGS_GATEWAY_PORT=38080 KTGS_GATEWAY_MANAGEMENT_PORT=38090 \
  KTGS_PLANNING_PORT=38081 KTGS_INSPECTION_PORT=38082 KTGS_DISCIPLINE_PORT=38083 KTGS_COMPLAINTS_PORT=38084 \
  KTGS_PLANNING_MANAGEMENT_PORT=38091 KTGS_INSPECTION_MANAGEMENT_PORT=38092 KTGS_DISCIPLINE_MANAGEMENT_PORT=38093 \
  KTGS_COMPLAINTS_MANAGEMENT_PORT=38094 KTGS_PG_PORT=35433 KTGS_KAFKA_PORT=39092 KTGS_KAFKA_CONTROLLER_PORT=39093
trap './suite down >/dev/null' EXIT
./suite up >/dev/null
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "devstack/target/lib/*" bench/InboxOutage.java "jdbc:postgresql://127.0.0.1:$KTGS_PG_PORT/" \
  "127.0.0.1:$KTGS_KAFKA_PORT" "${1:-1000}" "${2:-20}"
grep -c "not applied yet" "$KTGS_HOME/logs/inspection.log" | xargs printf 'inspection-service logged %s retries\n'
grep -c "parked" "$KTGS_HOME/logs/inspection.log" | xargs printf 'and parked %s records\n' || true
