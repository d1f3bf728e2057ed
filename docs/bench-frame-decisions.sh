#!/usr/bin/env bash
# Decision latency against a frame with many events, without and with snapshots (docs/adr/0009).
# Fills one year's frame with N decisions (snapshots off), copies the data, then per round starts the built jar on
# each copy (snapshots off / every 100) and times 100 commercial-service decisions after 20 of warm-up.
# Usage: ./mvnw -B -q -DskipTests package && docs/bench-frame-decisions.sh [N=1500] [ROUNDS=3]
# Needs curl and python3 and a free port 8080; writes its data under ${BENCH_DIR:-/tmp/bench-frame}.
set -eu
N=${1:-1500}; ROUNDS=${2:-3}; DIR=${BENCH_DIR:-/tmp/bench-frame}
API=http://localhost:8080/api; H='Content-Type: application/json'
O="-u handlaggare:handlaggare-demo"; A="-u attestant:attestant-demo"
start() { (LEDGER_DATA_DIR=$2 LEDGER_SNAPSHOTS_EVERY=$1 java -jar ledger-api/target/grant-ledger.jar > "$DIR/service-$1.log" 2>&1 &)
          for _ in $(seq 1 90); do curl -sf localhost:8080/actuator/health > /dev/null && return; sleep 1; done; echo "no service" >&2; exit 1; }
stop() { pkill -f grant-ledger.jar || true; sleep 4; }
register() { curl -s $O -XPOST $API/commercial-service-grants -H "$H" -d '{"diaryNumber":"CS'$RANDOM$RANDOM$RANDOM'",
  "recipient":{"name":"Norbergs kommun","organisationNumber":"212000-2049"},"recipientKind":"MUNICIPALITY",
  "municipality":"1962","serviceType":"HOME_DELIVERY","year":2025,"netCost":100}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin).get("grantId",""))'; }
decide() { curl -s -o /dev/null -w "%{time_total}\n" $A -XPOST $API/commercial-service-grants/$1/decision -H "$H" \
  -d '{"decisionNumber":"1","decisionDate":"2025-02-01","amount":1}'; }
measure() { ids=(); for _ in $(seq 1 $1); do id=$(register); [ -n "$id" ] && ids+=("$id"); done
  for id in "${ids[@]}"; do decide "$id"; done | python3 -c '
import sys,statistics; t=sorted(float(x)*1000 for x in sys.stdin)
print("decisions %d  median %.1f ms  p90 %.1f ms" % (len(t), statistics.median(t), t[int(len(t)*0.9)-1]))'; }
rm -rf "$DIR"; mkdir -p "$DIR"
start 1000000000 "$DIR/off"
curl -s $A -XPUT $API/appropriations/REGIONAL_1_1/2025 -H "$H" -d '{"frame":100000000,"reference":"bench"}' > /dev/null
echo "fill: $(measure "$N")"
stop
cp -a "$DIR/off" "$DIR/on"
for _ in $(seq 1 "$ROUNDS"); do
  start 1000000000 "$DIR/off"; measure 20 > /dev/null; echo "without snapshots:   $(measure 100)"; stop
  start 100 "$DIR/on";         measure 20 > /dev/null; echo "snapshots every 100: $(measure 100)"; stop
done
