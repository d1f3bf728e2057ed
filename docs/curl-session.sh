#!/usr/bin/env bash
# The README's curl session: one project from registration to closure. Needs curl and python3, and the
# service running on localhost:8080 (README, "Run it").
set -euo pipefail
API=${API:-http://localhost:8080/api}
JSON='Content-Type: application/json'
# The demo users (README, "Who may do what"): a case officer proposes, two approvers decide and attest.
OFFICER=(-u handlaggare:handlaggare-demo); APPROVER=(-u attestant:attestant-demo); APPROVER2=(-u attestant2:attestant2-demo)
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

# 0. The year's 1:1 frame (an approver): every decision reserves in it, so it comes first. Setting the same
#    frame again changes nothing.
curl -sf "${APPROVER[@]}" -X PUT "$API/appropriations/REGIONAL_1_1/2025" -H "$JSON" -d '{
  "frame": 31600000, "reference": "Regleringsbrev 2025, anslag 1:1"}' | field '["headroom"]'

# 1. Register the project (diary number, owner, the municipalities it reaches, kind, goal area, period).
PROJECT=$(curl -sf "${OFFICER[@]}" -X POST "$API/projects" -H "$JSON" -d '{
  "diaryNumber": "RV-DEMO-'"$RANDOM"'", "nypsCaseId": "20305566", "title": "Invästmanland",
  "owner": {"name": "Region Västmanland", "organisationNumber": "232100-0172"},
  "municipalities": ["1904","1907","1960","1961","1962","1980","1981","1982","1983","1984"],
  "kind": "PROJECT", "goalArea": "Attraktionskraft",
  "period": {"start": "2025-04-01", "end": "2028-03-31"}}' | field '["projectId"]')
echo "project $PROJECT"

# 2. The case officer prepares the grant decision with the whole financing plan (2.5 MSEK 1:1 of 16.055 MSEK)...
curl -sf "${OFFICER[@]}" -X POST "$API/projects/$PROJECT/grant-decision/proposal" -H "$JSON" -d '{
  "plan": [
    {"funder": "Region Västmanland, 1:1",  "category": "REGIONAL_1_1", "form": "CASH",    "amount": 2500000},
    {"funder": "ERUF via Tillväxtverket",  "category": "ERUF",         "form": "CASH",    "amount": 6400000},
    {"funder": "Länets kommuner, tid",     "category": "MUNICIPALITY", "form": "IN_KIND", "amount": 6400000},
    {"funder": "Region Västmanland, tid",  "category": "REGIONAL_OWN", "form": "IN_KIND", "amount": 510000},
    {"funder": "Region Sörmland, tid",     "category": "OTHER_REGION", "form": "IN_KIND", "amount": 245000}]}' \
  | field '["decision"]["preparedBy"]'
# ...and an approver decides it (the same person may not do both).
curl -sf "${APPROVER[@]}" -X POST "$API/projects/$PROJECT/grant-decision" -H "$JSON" -d '{
  "decisionNumber": "RUN 2025/17", "decisionDate": "2025-03-20"}' | field '["status"]'

# 3. A requisition of costs for the first half year, approved with a deduction.
REQ=$(curl -sf "${OFFICER[@]}" -X POST "$API/projects/$PROJECT/requisitions" -H "$JSON" -d '{
  "period": {"start": "2025-04-01", "end": "2025-09-30"},
  "costs": {"STAFF": 2500000, "EXTERNAL_SERVICES": 1000000, "IN_KIND": 2500000},
  "coFinancingReceived": {"ERUF": 1500000}, "submittedOn": "2025-10-15"}' | field '["id"]')
curl -sf "${APPROVER[@]}" -X POST "$API/projects/$PROJECT/requisitions/$REQ/approval" -H "$JSON" -d '{
  "decisionDate": "2025-11-01",
  "deductions": [{"category": "STAFF", "amount": 500000, "reason": "Lönekostnader utanför perioden"}]}' \
  | field '["payable"]'

# 4. Propose paying what became payable (5 500 000 x 2 500 000 / 16 055 000, rounded down to the öre), with an
#    Idempotency-Key so that a retry after a time-out cannot propose it twice...
PAYMENT=$(curl -sf "${OFFICER[@]}" -X POST "$API/projects/$PROJECT/payments" -H "$JSON" \
  -H "Idempotency-Key: pay-$PROJECT-1" -d '{
  "requisitionId": "'"$REQ"'", "amount": 856431.01, "fund": "REGIONAL_1_1",
  "paymentDate": "2025-11-20", "paymentReference": "UB-2025-4711"}' | field '["id"]')
# ...and a second approver, who did not approve the requisition, attests it: now the money moves.
curl -sf "${APPROVER2[@]}" -X POST "$API/projects/$PROJECT/payments/$PAYMENT/attestation" | field '["paid"]'

# 5. One öre more than payable is refused with a problem response naming the rule and the numbers.
curl -s "${OFFICER[@]}" -X POST "$API/projects/$PROJECT/payments" -H "$JSON" -d '{
  "requisitionId": "'"$REQ"'", "amount": 0.01, "paymentDate": "2025-11-21", "paymentReference": "UB-2025-4712"}'
echo

# 6. Close the project: the 1:1 money that was not paid is released.
curl -sf "${APPROVER[@]}" -X POST "$API/projects/$PROJECT/closure" -H "$JSON" -d '{"closedOn": "2028-06-30", "note": "Slutrapport godkänd"}' \
  | field '["released"]'

# 7. The status and the full history, as an auditor reads them.
AUDITOR=(-u revisor:revisor-demo)
curl -sf "${AUDITOR[@]}" "$API/projects/$PROJECT" | python3 -c 'import json,sys; p=json.load(sys.stdin)
print({k: p[k] for k in ("status", "decided", "totalBudget", "approved", "paid", "remaining", "released")})'
curl -sf "${AUDITOR[@]}" "$API/projects/$PROJECT/events" \
  | python3 -c 'import json,sys; [print(e["sequence"], e["type"], e["metadata"]["user"]) for e in json.load(sys.stdin)]'
