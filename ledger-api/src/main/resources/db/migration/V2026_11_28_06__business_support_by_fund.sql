-- Business support by fund (docs/reporting-schema.md): the 1:1 report counts REGIONAL_1_1 decisions only, and
-- Tillväxtverket's checks, passed on by the region, are reported apart (seed 002). The view gains the fund.
DROP VIEW report_business_support;
CREATE VIEW report_business_support AS
SELECT EXTRACT(YEAR FROM d.decision_date)::INTEGER AS decision_year, c.fund, c.business_support_type,
       COUNT(*)::INTEGER AS decisions, SUM(d.amount_ore)::BIGINT AS amount_ore,
       COUNT(*) FILTER (WHERE c.municipality <> '1980')::INTEGER AS smaller_municipality_decisions,
       COALESCE(SUM(d.amount_ore) FILTER (WHERE c.municipality <> '1980'), 0)::BIGINT AS smaller_municipality_ore,
       COUNT(*) FILTER (WHERE c.led_by_woman)::INTEGER AS led_by_woman_decisions,
       COALESCE(SUM(d.amount_ore) FILTER (WHERE c.led_by_woman), 0)::BIGINT AS led_by_woman_ore,
       COUNT(*) FILTER (WHERE c.led_by_person_born_abroad)::INTEGER AS led_by_person_born_abroad_decisions,
       COALESCE(SUM(d.amount_ore) FILTER (WHERE c.led_by_person_born_abroad), 0)::BIGINT AS led_by_person_born_abroad_ore
FROM report_business_support_decision d JOIN report_case c ON c.case_id = d.case_id
GROUP BY 1, 2, 3;

-- Business support paid per year, fund and type: the companies paid and the amount, net of repayments received
-- the same year; Tillväxtverket's checks are reported from here ("3 miljoner kronor utbetalats till 19 företag").
CREATE VIEW report_business_support_paid AS
WITH movements AS (
    SELECT p.case_id, EXTRACT(YEAR FROM p.payment_date)::INTEGER AS year, p.amount_ore
    FROM report_payment p WHERE p.support_type = 'BUSINESS_SUPPORT'
    UNION ALL
    SELECT r.case_id, EXTRACT(YEAR FROM r.received_on)::INTEGER, -r.amount_ore
    FROM report_repayment r WHERE r.support_type = 'BUSINESS_SUPPORT'
)
SELECT m.year AS payment_year, c.fund, c.business_support_type,
       COUNT(DISTINCT c.recipient_key) FILTER (WHERE m.amount_ore > 0)::INTEGER AS companies,
       SUM(m.amount_ore)::BIGINT AS net_ore
FROM movements m JOIN report_case c ON c.case_id = m.case_id
GROUP BY 1, 2, 3;

DO
$$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ledger_reporting') THEN
        GRANT SELECT ON report_business_support, report_business_support_paid TO ledger_reporting;
    END IF;
END
$$;
