#!/usr/bin/env bash
# Business support and de minimis over curl: a frame, a single undertaking with aid another grantor gave it, an
# investment grant decided (converted to euro at the day's rate), one refused one cent past the cap, a payment
# proposed and attested by two people. Needs curl and python3, and the service on localhost:8080.
set -euo pipefail
API=${API:-http://localhost:8080/api}
JSON='Content-Type: application/json'
OFFICER=(-u handlaggare:handlaggare-demo); APPROVER=(-u attestant:attestant-demo); APPROVER2=(-u attestant2:attestant2-demo)
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
# A fresh, valid organisation number each run (55 + seven digits + the Luhn check digit): a company counts in one
# undertaking.
orgnr() { python3 -c "
import random; n='55'+'%07d'%random.randrange(10**7)
s=sum((d*2-9 if d*2>9 else d*2) if i%2==0 else d for i,d in enumerate(map(int,n)))
print(n[:6]+'-'+n[6:]+str((10-s%10)%10))"; }
COMPANY=$(orgnr); SISTER=$(orgnr)

# 1. The year's frame, and the EUR rate of the decision day.
curl -sf "${APPROVER[@]}" -X PUT "$API/appropriations/REGIONAL_1_1/2026" -H "$JSON" \
  -d '{"frame": 31600000, "reference": "Regleringsbrev 2026"}' | field '["headroom"]'
curl -s "${OFFICER[@]}" -X POST "$API/exchange-rates" -H "$JSON" \
  -d '{"currency": "EUR", "date": "2026-03-02", "sekPerUnit": 11.25, "source": "ECB"}' > /dev/null

# 2. The applicant's single undertaking: itself and a sister company, which had EUR 250 000 from Almi.
UNDERTAKING=$(curl -sf "${OFFICER[@]}" -X POST "$API/undertakings" -H "$JSON" \
  -d '{"name": "Sala Mekaniska-koncernen", "companies": ["'"$COMPANY"'", "'"$SISTER"'"]}' | field '["undertakingId"]')
curl -sf "${OFFICER[@]}" -X POST "$API/undertakings/$UNDERTAKING/de-minimis" -H "$JSON" -d '{
  "company": "'"$SISTER"'", "grantor": "Almi Företagspartner", "grantedOn": "2025-05-01", "amountEur": 250000}' > /dev/null

# 3. An investment grant to the company in Sala: registered by a case officer, decided by an approver.
CASE=$(curl -sf "${OFFICER[@]}" -X POST "$API/business-supports" -H "$JSON" -d '{
  "diaryNumber": "RV-BS-'"$RANDOM"'", "supportType": "INVESTMENT_GRANT", "purpose": "Ny produktionslinje",
  "company": {"organisationNumber": "'"$COMPANY"'", "name": "Sala Mekaniska AB", "municipality": "1981",
              "ledByWoman": true, "ledByPersonBornAbroad": false}}' | field '["caseId"]')
# 562 500.12 kr is EUR 50 000.01 at 11.25: one cent past the cap with the sister's 250 000.
curl -s "${APPROVER[@]}" -X POST "$API/business-supports/$CASE/decision" -H "$JSON" \
  -d '{"decisionNumber": "RUN 2026/40", "decisionDate": "2026-03-02", "amount": 562500.12}'; echo
curl -sf "${APPROVER[@]}" -X POST "$API/business-supports/$CASE/decision" -H "$JSON" \
  -d '{"decisionNumber": "RUN 2026/40", "decisionDate": "2026-03-02", "amount": 562500}' | field '["deMinimis"]'
curl -sf "${OFFICER[@]}" "$API/undertakings/$UNDERTAKING/de-minimis?on=2026-03-02" \
  | python3 -c "import json,sys; d=json.load(sys.stdin); print(d['windowStart'], d['totalEur'], d['headroomEur'])"

# 4. Paid once the company has shown its costs: proposed by the case officer, attested by another approver.
PAYMENT=$(curl -sf "${OFFICER[@]}" -X POST "$API/business-supports/$CASE/payments" -H "$JSON" \
  -d '{"amount": 562500, "paymentDate": "2026-09-15", "paymentReference": "UB-2026-311"}' | field '["id"]')
curl -sf "${APPROVER2[@]}" -X POST "$API/business-supports/$CASE/payments/$PAYMENT/attestation" | field '["paid"]'

# 5. The frame after it: committed, paid and what is left.
curl -sf "${OFFICER[@]}" "$API/appropriations/REGIONAL_1_1/2026" \
  | python3 -c "import json,sys; d=json.load(sys.stdin); print({k: d[k] for k in ('frame','committed','paid','headroom')})"
