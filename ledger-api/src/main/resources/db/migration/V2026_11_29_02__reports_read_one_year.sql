-- Reports that read one year's rows (docs/performance.md, "Reports at 100 000 projects"). Each report keeps one year,
-- but before this it aggregated every year's rows and then kept the one asked for: the year is an expression of the
-- business date, which no index served, and the disbursement report read the payments twice, once through a
-- materialized CTE. Now each fact table has an index on the year of its business date, the functions' year filter
-- reaches it, and the disbursements are summed per recipient and then per fund in one pass, with the recipient
-- kept on the payment row so that no join with every case is needed.
CREATE INDEX report_payment_year ON report_payment ((EXTRACT(YEAR FROM payment_date)::INTEGER));
CREATE INDEX report_repayment_year ON report_repayment ((EXTRACT(YEAR FROM received_on)::INTEGER));
CREATE INDEX report_financing_change_year ON report_financing_change ((EXTRACT(YEAR FROM decision_date)::INTEGER));
CREATE INDEX report_business_support_decision_year
    ON report_business_support_decision ((EXTRACT(YEAR FROM decision_date)::INTEGER));

-- Whom a payment reached, as report_case counts recipients (the project, or the organisation number).
ALTER TABLE report_payment ADD COLUMN recipient_key TEXT;
UPDATE report_payment p SET recipient_key = c.recipient_key FROM report_case c WHERE c.case_id = p.case_id;

CREATE OR REPLACE FUNCTION report_disbursement_at(valid_at DATE, known_at TIMESTAMPTZ)
    RETURNS TABLE (payment_year INTEGER, fund TEXT, support_type TEXT, paid_ore BIGINT, repaid_ore BIGINT,
                   net_ore BIGINT, recipients INTEGER)
    LANGUAGE sql STABLE AS
$$
WITH per_recipient AS (
    SELECT EXTRACT(YEAR FROM p.payment_date)::INTEGER AS year, p.fund, p.support_type, p.recipient_key,
           SUM(p.amount_ore) AS paid_ore
    FROM report_payment p
    WHERE (valid_at IS NULL OR p.payment_date <= valid_at) AND (known_at IS NULL OR p.recorded_at <= known_at)
    GROUP BY 1, 2, 3, 4
), movements AS (
    SELECT r.year, r.fund, r.support_type, SUM(r.paid_ore)::BIGINT AS paid_ore, 0::BIGINT AS repaid_ore,
           COUNT(*)::INTEGER AS recipients
    FROM per_recipient r GROUP BY 1, 2, 3
    UNION ALL
    SELECT EXTRACT(YEAR FROM r.received_on)::INTEGER, r.fund, r.support_type, 0, SUM(r.amount_ore)::BIGINT, 0
    FROM report_repayment r
    WHERE (valid_at IS NULL OR r.received_on <= valid_at) AND (known_at IS NULL OR r.recorded_at <= known_at)
    GROUP BY 1, 2, 3
)
SELECT m.year, m.fund, m.support_type, SUM(m.paid_ore)::BIGINT, SUM(m.repaid_ore)::BIGINT,
       (SUM(m.paid_ore) - SUM(m.repaid_ore))::BIGINT, MAX(m.recipients)::INTEGER
FROM movements m
GROUP BY 1, 2, 3
$$;

-- The positions summed per frame first and split into fund and year after, on a handful of rows rather than on
-- every movement (about a third of the time at a million movements).
CREATE OR REPLACE FUNCTION report_positions_at(valid_at DATE, known_at TIMESTAMPTZ)
    RETURNS TABLE (fund TEXT, decision_year INTEGER, committed_ore BIGINT, paid_ore BIGINT, released_ore BIGINT,
                   returned_to_state_ore BIGINT, outstanding_ore BIGINT)
    LANGUAGE sql STABLE AS
$$
WITH sums AS (
    SELECT m.appropriation_id,
           COALESCE(SUM(m.amount_ore) FILTER (WHERE m.kind = 'RESERVED'), 0)::BIGINT AS committed,
           (COALESCE(SUM(m.amount_ore) FILTER (WHERE m.kind = 'DRAWN'), 0)
             - COALESCE(SUM(m.amount_ore) FILTER (WHERE m.kind = 'CREDITED'), 0))::BIGINT AS paid,
           COALESCE(SUM(m.amount_ore) FILTER (WHERE m.kind = 'RELEASED'), 0)::BIGINT AS released,
           COALESCE(SUM(m.amount_ore) FILTER (WHERE m.kind = 'RETURNED_TO_STATE'), 0)::BIGINT AS to_state
    FROM report_commitment_movement m
    WHERE (valid_at IS NULL OR m.business_date <= valid_at) AND (known_at IS NULL OR m.recorded_at <= known_at)
    GROUP BY m.appropriation_id
)
SELECT split_part(s.appropriation_id, '-', 1), split_part(s.appropriation_id, '-', 2)::INTEGER, s.committed, s.paid,
       s.released, s.to_state, s.committed - s.paid - s.released
FROM sums s
$$;

-- They only read, so PostgreSQL may spread a large one over parallel workers (the positions at a million movements:
-- 170 -> 100 ms on two cores).
ALTER FUNCTION report_leverage_at(DATE, TIMESTAMPTZ) PARALLEL SAFE;
ALTER FUNCTION report_leverage_summary_at(DATE, TIMESTAMPTZ) PARALLEL SAFE;
ALTER FUNCTION report_disbursement_at(DATE, TIMESTAMPTZ) PARALLEL SAFE;
ALTER FUNCTION report_business_support_at(DATE, TIMESTAMPTZ) PARALLEL SAFE;
ALTER FUNCTION report_business_support_paid_at(DATE, TIMESTAMPTZ) PARALLEL SAFE;
ALTER FUNCTION report_goal_areas_at(DATE, TIMESTAMPTZ) PARALLEL SAFE;
ALTER FUNCTION report_commitment_movements_at(DATE, TIMESTAMPTZ) PARALLEL SAFE;
ALTER FUNCTION report_positions_at(DATE, TIMESTAMPTZ) PARALLEL SAFE;
