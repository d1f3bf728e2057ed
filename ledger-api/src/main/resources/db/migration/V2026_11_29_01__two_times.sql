-- Two times on every read (docs/reporting-schema.md, "Two times"): each fact behind the reports keeps, beside its
-- business date, the moment the ledger recorded the event it comes from. A report at a business date (valid_at) as
-- the ledger knew it at an instant (known_at) is then a filter on both, in SQL, at any size of the books: no
-- replay. The fact tables only ever gain rows, and a row's values depend only on its own event and earlier rows of
-- the same stream (recorded before it), so the filter gives exactly what a replay of the events recorded by then
-- would give.
ALTER TABLE report_financing_change ADD COLUMN recorded_at TIMESTAMPTZ;
ALTER TABLE report_payment ADD COLUMN recorded_at TIMESTAMPTZ;
ALTER TABLE report_repayment ADD COLUMN recorded_at TIMESTAMPTZ;
ALTER TABLE report_business_support_decision ADD COLUMN recorded_at TIMESTAMPTZ;
ALTER TABLE report_commitment_movement ADD COLUMN recorded_at TIMESTAMPTZ;

-- Rows projected before today learn their time from the event they came from.
UPDATE report_financing_change r SET recorded_at = e.time_stamp::timestamptz
FROM domain_event_entry e WHERE e.aggregate_identifier = r.project_id AND e.sequence_number = r.sequence_number;
UPDATE report_repayment r SET recorded_at = e.time_stamp::timestamptz
FROM domain_event_entry e WHERE e.aggregate_identifier = r.case_id AND e.sequence_number = r.sequence_number;
UPDATE report_commitment_movement r SET recorded_at = e.time_stamp::timestamptz
FROM domain_event_entry e WHERE e.aggregate_identifier = r.appropriation_id AND e.sequence_number = r.sequence_number;
UPDATE report_payment r SET recorded_at = e.time_stamp::timestamptz
FROM domain_event_entry e
WHERE e.aggregate_identifier = r.case_id AND e.payload_type LIKE '%PaymentMade'
  AND readable_json(e.payload) ->> 'paymentId' = r.payment_id;
UPDATE report_business_support_decision r SET recorded_at = e.time_stamp::timestamptz
FROM domain_event_entry e WHERE e.aggregate_identifier = r.case_id AND e.payload_type LIKE '%BusinessSupportDecided';

ALTER TABLE report_financing_change ALTER COLUMN recorded_at SET NOT NULL;
ALTER TABLE report_payment ALTER COLUMN recorded_at SET NOT NULL;
ALTER TABLE report_repayment ALTER COLUMN recorded_at SET NOT NULL;
ALTER TABLE report_business_support_decision ALTER COLUMN recorded_at SET NOT NULL;
ALTER TABLE report_commitment_movement ALTER COLUMN recorded_at SET NOT NULL;

-- ---- the contract: every report as a function of (valid_at, known_at); NULL means no limit on that axis --------
-- Plain SQL functions, so that PostgreSQL inlines them into the query that calls them and a year's filter reaches
-- the tables. The report_* views are the same functions with no limit, as before.

CREATE FUNCTION report_leverage_at(valid_at DATE, known_at TIMESTAMPTZ)
    RETURNS TABLE (decision_year INTEGER, category TEXT, form TEXT, amount_ore BIGINT)
    LANGUAGE sql STABLE AS
$$
SELECT EXTRACT(YEAR FROM f.decision_date)::INTEGER, f.category, f.form, SUM(f.amount_ore)::BIGINT
FROM report_financing_change f
WHERE (valid_at IS NULL OR f.decision_date <= valid_at) AND (known_at IS NULL OR f.recorded_at <= known_at)
GROUP BY 1, 2, 3
$$;

CREATE FUNCTION report_leverage_summary_at(valid_at DATE, known_at TIMESTAMPTZ)
    RETURNS TABLE (decision_year INTEGER, regional_1_1_ore BIGINT, total_ore BIGINT, others_ore BIGINT,
                   tillvaxtverket_eu_ore BIGINT, tillvaxtverket_national_ore BIGINT, vinnova_ore BIGINT,
                   rest_ore BIGINT, in_kind_ore BIGINT)
    LANGUAGE sql STABLE AS
$$
SELECT l.decision_year,
       SUM(l.amount_ore) FILTER (WHERE l.category = 'REGIONAL_1_1')::BIGINT,
       SUM(l.amount_ore)::BIGINT,
       SUM(l.amount_ore) FILTER (WHERE l.category <> 'REGIONAL_1_1')::BIGINT,
       COALESCE(SUM(l.amount_ore) FILTER (WHERE l.category = 'ERUF'), 0)::BIGINT,
       COALESCE(SUM(l.amount_ore) FILTER (WHERE l.category = 'TILLVAXTVERKET_NATIONAL'), 0)::BIGINT,
       COALESCE(SUM(l.amount_ore) FILTER (WHERE l.category = 'VINNOVA'), 0)::BIGINT,
       COALESCE(SUM(l.amount_ore) FILTER (WHERE l.category NOT IN ('REGIONAL_1_1', 'ERUF', 'TILLVAXTVERKET_NATIONAL', 'VINNOVA')), 0)::BIGINT,
       COALESCE(SUM(l.amount_ore) FILTER (WHERE l.form = 'IN_KIND'), 0)::BIGINT
FROM report_leverage_at(valid_at, known_at) l
GROUP BY l.decision_year
$$;

CREATE FUNCTION report_disbursement_at(valid_at DATE, known_at TIMESTAMPTZ)
    RETURNS TABLE (payment_year INTEGER, fund TEXT, support_type TEXT, paid_ore BIGINT, repaid_ore BIGINT,
                   net_ore BIGINT, recipients INTEGER)
    LANGUAGE sql STABLE AS
$$
WITH payments AS (
    SELECT * FROM report_payment p
    WHERE (valid_at IS NULL OR p.payment_date <= valid_at) AND (known_at IS NULL OR p.recorded_at <= known_at)
), repayments AS (
    SELECT * FROM report_repayment r
    WHERE (valid_at IS NULL OR r.received_on <= valid_at) AND (known_at IS NULL OR r.recorded_at <= known_at)
), paid AS (
    SELECT EXTRACT(YEAR FROM p.payment_date)::INTEGER AS year, p.fund, p.support_type,
           SUM(p.amount_ore)::BIGINT AS paid_ore, 0::BIGINT AS repaid_ore
    FROM payments p GROUP BY 1, 2, 3
    UNION ALL
    SELECT EXTRACT(YEAR FROM r.received_on)::INTEGER, r.fund, r.support_type, 0, SUM(r.amount_ore)::BIGINT
    FROM repayments r GROUP BY 1, 2, 3
), recipients AS (
    SELECT EXTRACT(YEAR FROM p.payment_date)::INTEGER AS year, p.fund, p.support_type,
           COUNT(DISTINCT c.recipient_key)::INTEGER AS recipients
    FROM payments p JOIN report_case c ON c.case_id = p.case_id GROUP BY 1, 2, 3
)
SELECT p.year, p.fund, p.support_type, SUM(p.paid_ore)::BIGINT, SUM(p.repaid_ore)::BIGINT,
       (SUM(p.paid_ore) - SUM(p.repaid_ore))::BIGINT, COALESCE(MAX(r.recipients), 0)
FROM paid p LEFT JOIN recipients r ON r.year = p.year AND r.fund = p.fund AND r.support_type = p.support_type
GROUP BY 1, 2, 3
$$;

CREATE FUNCTION report_business_support_at(valid_at DATE, known_at TIMESTAMPTZ)
    RETURNS TABLE (decision_year INTEGER, fund TEXT, business_support_type TEXT, decisions INTEGER, amount_ore BIGINT,
                   smaller_municipality_decisions INTEGER, smaller_municipality_ore BIGINT,
                   led_by_woman_decisions INTEGER, led_by_woman_ore BIGINT,
                   led_by_person_born_abroad_decisions INTEGER, led_by_person_born_abroad_ore BIGINT)
    LANGUAGE sql STABLE AS
$$
SELECT EXTRACT(YEAR FROM d.decision_date)::INTEGER, c.fund, c.business_support_type,
       COUNT(*)::INTEGER, SUM(d.amount_ore)::BIGINT,
       COUNT(*) FILTER (WHERE c.municipality <> '1980')::INTEGER,
       COALESCE(SUM(d.amount_ore) FILTER (WHERE c.municipality <> '1980'), 0)::BIGINT,
       COUNT(*) FILTER (WHERE c.led_by_woman)::INTEGER,
       COALESCE(SUM(d.amount_ore) FILTER (WHERE c.led_by_woman), 0)::BIGINT,
       COUNT(*) FILTER (WHERE c.led_by_person_born_abroad)::INTEGER,
       COALESCE(SUM(d.amount_ore) FILTER (WHERE c.led_by_person_born_abroad), 0)::BIGINT
FROM report_business_support_decision d JOIN report_case c ON c.case_id = d.case_id
WHERE (valid_at IS NULL OR d.decision_date <= valid_at) AND (known_at IS NULL OR d.recorded_at <= known_at)
GROUP BY 1, 2, 3
$$;

CREATE FUNCTION report_business_support_paid_at(valid_at DATE, known_at TIMESTAMPTZ)
    RETURNS TABLE (payment_year INTEGER, fund TEXT, business_support_type TEXT, companies INTEGER, net_ore BIGINT)
    LANGUAGE sql STABLE AS
$$
WITH movements AS (
    SELECT p.case_id, EXTRACT(YEAR FROM p.payment_date)::INTEGER AS year, p.amount_ore
    FROM report_payment p
    WHERE p.support_type = 'BUSINESS_SUPPORT'
      AND (valid_at IS NULL OR p.payment_date <= valid_at) AND (known_at IS NULL OR p.recorded_at <= known_at)
    UNION ALL
    SELECT r.case_id, EXTRACT(YEAR FROM r.received_on)::INTEGER, -r.amount_ore
    FROM report_repayment r
    WHERE r.support_type = 'BUSINESS_SUPPORT'
      AND (valid_at IS NULL OR r.received_on <= valid_at) AND (known_at IS NULL OR r.recorded_at <= known_at)
)
SELECT m.year, c.fund, c.business_support_type,
       COUNT(DISTINCT c.recipient_key) FILTER (WHERE m.amount_ore > 0)::INTEGER, SUM(m.amount_ore)::BIGINT
FROM movements m JOIN report_case c ON c.case_id = m.case_id
GROUP BY 1, 2, 3
$$;

CREATE FUNCTION report_goal_areas_at(valid_at DATE, known_at TIMESTAMPTZ)
    RETURNS TABLE (decision_year INTEGER, goal_area TEXT, regional_1_1_ore BIGINT)
    LANGUAGE sql STABLE AS
$$
SELECT EXTRACT(YEAR FROM f.decision_date)::INTEGER, c.goal_area, SUM(f.amount_ore)::BIGINT
FROM report_financing_change f JOIN report_case c ON c.case_id = f.project_id
WHERE f.category = 'REGIONAL_1_1'
  AND (valid_at IS NULL OR f.decision_date <= valid_at) AND (known_at IS NULL OR f.recorded_at <= known_at)
GROUP BY 1, 2
$$;

CREATE FUNCTION report_commitment_movements_at(valid_at DATE, known_at TIMESTAMPTZ)
    RETURNS TABLE (appropriation_id TEXT, fund TEXT, decision_year INTEGER, case_id TEXT, kind TEXT,
                   business_date DATE, amount_ore BIGINT, recorded_at TIMESTAMPTZ)
    LANGUAGE sql STABLE AS
$$
SELECT m.appropriation_id, split_part(m.appropriation_id, '-', 1), split_part(m.appropriation_id, '-', 2)::INTEGER,
       m.case_id, m.kind, m.business_date, m.amount_ore, m.recorded_at
FROM report_commitment_movement m
WHERE (valid_at IS NULL OR m.business_date <= valid_at) AND (known_at IS NULL OR m.recorded_at <= known_at)
$$;

-- The year-end position of every frame: per fund and decision year, what was committed, paid (net of same-year
-- repayments credited back), released, returned to the state and still outstanding at valid_at, as known at known_at.
CREATE FUNCTION report_positions_at(valid_at DATE, known_at TIMESTAMPTZ)
    RETURNS TABLE (fund TEXT, decision_year INTEGER, committed_ore BIGINT, paid_ore BIGINT, released_ore BIGINT,
                   returned_to_state_ore BIGINT, outstanding_ore BIGINT)
    LANGUAGE sql STABLE AS
$$
WITH sums AS (
    SELECT m.fund, m.decision_year,
           COALESCE(SUM(m.amount_ore) FILTER (WHERE m.kind = 'RESERVED'), 0)::BIGINT AS committed,
           (COALESCE(SUM(m.amount_ore) FILTER (WHERE m.kind = 'DRAWN'), 0)
             - COALESCE(SUM(m.amount_ore) FILTER (WHERE m.kind = 'CREDITED'), 0))::BIGINT AS paid,
           COALESCE(SUM(m.amount_ore) FILTER (WHERE m.kind = 'RELEASED'), 0)::BIGINT AS released,
           COALESCE(SUM(m.amount_ore) FILTER (WHERE m.kind = 'RETURNED_TO_STATE'), 0)::BIGINT AS to_state
    FROM report_commitment_movements_at(valid_at, known_at) m
    GROUP BY m.fund, m.decision_year
)
SELECT s.fund, s.decision_year, s.committed, s.paid, s.released, s.to_state, s.committed - s.paid - s.released
FROM sums s
$$;

CREATE OR REPLACE VIEW report_leverage AS SELECT * FROM report_leverage_at(NULL, NULL);
CREATE OR REPLACE VIEW report_leverage_summary AS SELECT * FROM report_leverage_summary_at(NULL, NULL);
CREATE OR REPLACE VIEW report_disbursement AS SELECT * FROM report_disbursement_at(NULL, NULL);
CREATE OR REPLACE VIEW report_business_support AS SELECT * FROM report_business_support_at(NULL, NULL);
CREATE OR REPLACE VIEW report_business_support_paid AS SELECT * FROM report_business_support_paid_at(NULL, NULL);
CREATE OR REPLACE VIEW report_goal_areas AS SELECT * FROM report_goal_areas_at(NULL, NULL);
CREATE OR REPLACE VIEW report_commitment_movements AS SELECT * FROM report_commitment_movements_at(NULL, NULL);
CREATE VIEW report_positions AS SELECT * FROM report_positions_at(NULL, NULL);

-- A reporting job calls the functions with its own rights, so it reads the facts behind them too: the same figures
-- the views show, row by row.
DO
$$
DECLARE
    reporting TEXT := 'ledger_reporting';
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = reporting) THEN
        EXECUTE format('GRANT SELECT ON report_case, report_financing_change, report_payment, report_repayment,'
                           || ' report_business_support_decision, report_commitment_movement, report_positions TO %I',
                       reporting);
        EXECUTE format('GRANT EXECUTE ON FUNCTION report_leverage_at(DATE, TIMESTAMPTZ),'
                           || ' report_leverage_summary_at(DATE, TIMESTAMPTZ), report_disbursement_at(DATE, TIMESTAMPTZ),'
                           || ' report_business_support_at(DATE, TIMESTAMPTZ),'
                           || ' report_business_support_paid_at(DATE, TIMESTAMPTZ), report_goal_areas_at(DATE, TIMESTAMPTZ),'
                           || ' report_commitment_movements_at(DATE, TIMESTAMPTZ), report_positions_at(DATE, TIMESTAMPTZ)'
                           || ' TO %I', reporting);
    END IF;
END
$$;
