#!/usr/bin/env bash
# Stops inspection-service's database (it refuses connections) for 20 s while 1,000 org-unit events
# arrive, then times how long the service takes to apply them all once it is back. Uses the suite that
# ./suite up started (default ports), or starts it. Watch `./suite logs inspection` for the retries.
# ./bench/inbox-outage.sh [count] [outage seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
./suite up >/dev/null
java -cp "devstack/target/lib/*" bench/InboxOutage.java "jdbc:postgresql://127.0.0.1:${KTGS_PG_PORT:-5433}/" \
  "127.0.0.1:${KTGS_KAFKA_PORT:-9092}" "${1:-1000}" "${2:-20}"
./suite status | grep -E '^(inspection|devstack)'
