#!/usr/bin/env bash
# Times the list and the statistics of inspections for a year through the gateway (and straight to the service)
# with 100,000 inspections in the province's subtree. Starts its own suite (.suite-bench, ports 1808x) unless one
# runs there, seeds it once, and prints the median/p95 of 200 requests per call.
# ./bench/inspections-bench.sh [--keep]   (--keep leaves the suite running)
set -euo pipefail
cd "$(dirname "$0")/.."
export KTGS_HOME=$PWD/.suite-bench KTGS_GATEWAY_PORT=18080 KTGS_PLANNING_PORT=18081 KTGS_INSPECTION_PORT=18082 \
  KTGS_DISCIPLINE_PORT=18083 KTGS_COMPLAINTS_PORT=18084 KTGS_PG_PORT=15433 KTGS_KAFKA_PORT=19092 KTGS_KAFKA_CONTROLLER_PORT=19093
# full JIT, as in production (./suite uses C1 only, for a faster start)
KTGS_JAVA_OPTS="-Xmx512m -XX:+UseSerialGC" ./suite up >/dev/null
java -cp "devstack/target/lib/*" bench/InspectionsBench.java "http://127.0.0.1:$KTGS_GATEWAY_PORT" \
  "http://127.0.0.1:$KTGS_INSPECTION_PORT" "jdbc:postgresql://127.0.0.1:$KTGS_PG_PORT/inspection" "$(./suite token ubkt-tinh)"
[ "${1:-}" = "--keep" ] || ./suite down >/dev/null
