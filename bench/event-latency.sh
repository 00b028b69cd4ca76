#!/usr/bin/env bash
# Times how long an org unit created through the gateway takes to reach inspection-service's copy
# (outbox relay -> Kafka -> inbox). Uses the suite that ./suite up started (default ports), or starts it.
# ./bench/event-latency.sh [count]
set -euo pipefail
cd "$(dirname "$0")/.."
./suite up >/dev/null
java -cp "devstack/target/lib/*" bench/EventLatency.java "http://127.0.0.1:${KTGS_GATEWAY_PORT:-8080}" \
  "$(./suite token admin)" "$(./suite token officer-thanhsen)" "${1:-50}"
