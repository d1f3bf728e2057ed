#!/usr/bin/env bash
# Times each write over HTTP (curl's time_total) for N requisition cycles: submit, approve, propose a payment,
# attest it, against a service on localhost:8080 signed in as the demo users, and prints the median, p90 and
# max in milliseconds.
# Usage: docs/bench-write-latency.sh [N]   (run it once first to warm the JVM up)
set -eu
N=${1:-30}
H='Content-Type: application/json'
B=http://localhost:8080/api/projects
O="-u handlaggare:handlaggare-demo"; A="-u attestant:attestant-demo"; A2="-u attestant2:attestant2-demo"
# a 2025 frame to decide against (PUT sets it; set again, it changes nothing the bench reads)
curl -s -o /dev/null $A -XPUT http://localhost:8080/api/appropriations/REGIONAL_1_1/2025 -H "$H" -d '{"frame":1000000000,"reference":"bench"}'
ID=$(curl -s $O -XPOST $B -H "$H" -d '{"diaryNumber":"BENCH'$RANDOM$RANDOM'","title":"Bench","owner":{"name":"Almi","organisationNumber":"556486-7678"},"municipalities":["1980","1981","1982"],"kind":"PROJECT","goalArea":"x","period":{"start":"2025-04-01","end":"2028-03-31"}}' | python3 -c 'import json,sys;print(json.load(sys.stdin)["projectId"])')
curl -s -o /dev/null $O -XPOST $B/$ID/grant-decision/proposal -H "$H" -d '{"plan":[{"funder":"R","category":"REGIONAL_1_1","form":"CASH","amount":5000000},{"funder":"E","category":"ERUF","form":"CASH","amount":5000000}]}'
curl -s -o /dev/null $A -XPOST $B/$ID/grant-decision -H "$H" -d '{"decisionNumber":"1","decisionDate":"2025-03-20"}'
for i in $(seq 1 $N); do
  R="req-$i"
  curl -s -o /dev/null -w "%{time_total}\n" $O -XPOST $B/$ID/requisitions -H "$H" -d '{"requisitionId":"'$R'","period":{"start":"2025-04-01","end":"2025-09-30"},"costs":{"STAFF":1000},"submittedOn":"2025-10-15"}'
  curl -s -o /dev/null -w "%{time_total}\n" $A -XPOST $B/$ID/requisitions/$R/approval -H "$H" -d '{"decisionDate":"2025-11-01"}'
  curl -s -o /dev/null -w "%{time_total}\n" $O -XPOST $B/$ID/payments -H "$H" -d '{"paymentId":"pay-'$i'","requisitionId":"'$R'","amount":500,"paymentDate":"2025-11-20","paymentReference":"UB"}'
  curl -s -o /dev/null -w "%{time_total}\n" $A2 -XPOST $B/$ID/payments/pay-$i/attestation -H "$H" -d '{}'
done | python3 -c '
import statistics, sys
v = sorted(float(x) * 1000 for x in sys.stdin)
print("writes %d  median %.1f ms  p90 %.1f ms  max %.1f ms" % (len(v), statistics.median(v), v[int(len(v) * .9)], v[-1]))'
