-- Issue 5: the reporting projection. Tables hold facts as the events state them (öre, business dates); the
-- report_* views are the stable contract that reporting jobs read (docs/reporting-schema.md). Rounding to MSEK and
-- whole percentages happens only when a report is presented, never in these views.

-- Every case, as the reports need it: who receives the money and where.
CREATE TABLE report_case (
    case_id                   TEXT PRIMARY KEY,
    support_type              TEXT    NOT NULL,  -- PROJECT | BUSINESS_SUPPORT | COMMERCIAL_SERVICE
    diary_number              TEXT    NOT NULL,
    recipient_key             TEXT    NOT NULL,  -- what "number of recipients" counts: the project, or the organisation number
    recipient_name            TEXT    NOT NULL,
    municipality              VARCHAR(4),        -- SCB code; null for projects (they reach several)
    goal_area                 TEXT,              -- projects only
    business_support_type     TEXT,              -- business support only
    led_by_woman              BOOLEAN,
    led_by_person_born_abroad BOOLEAN,
    fund                      TEXT    NOT NULL
);

-- A project's financing by category and form as each decision changed it: a grant decision adds its plan's lines,
-- an amendment adds the difference to the plan before it (negative when it lowers a line), at its own date.
CREATE TABLE report_financing_change (
    project_id      TEXT    NOT NULL,
    sequence_number BIGINT  NOT NULL,
    decision_date   DATE    NOT NULL,
    category        TEXT    NOT NULL,
    form            TEXT    NOT NULL,
    amount_ore      BIGINT  NOT NULL,
    PRIMARY KEY (project_id, sequence_number, category, form)
);

-- Money paid out (attested payments and advances) and money repaid after a recovery.
CREATE TABLE report_payment (
    case_id      TEXT    NOT NULL,
    payment_id   TEXT    NOT NULL,
    support_type TEXT    NOT NULL,
    fund         TEXT    NOT NULL,
    payment_date DATE    NOT NULL,
    amount_ore   BIGINT  NOT NULL,
    PRIMARY KEY (case_id, payment_id)
);

CREATE TABLE report_repayment (
    case_id         TEXT    NOT NULL,
    sequence_number BIGINT  NOT NULL,
    support_type    TEXT    NOT NULL,
    fund            TEXT    NOT NULL,
    received_on     DATE    NOT NULL,
    amount_ore      BIGINT  NOT NULL,
    PRIMARY KEY (case_id, sequence_number)
);

-- Decided business support, one row a case.
CREATE TABLE report_business_support_decision (
    case_id       TEXT PRIMARY KEY,
    decision_date DATE    NOT NULL,
    amount_ore    BIGINT  NOT NULL
);

-- Every movement of a frame with its business date: reserved (decision date), drawn (payment date), released
-- (the date of the amendment, closure or withdrawal). Commitments at a date are the sums up to it.
CREATE TABLE report_commitment_movement (
    appropriation_id TEXT    NOT NULL,
    sequence_number  BIGINT  NOT NULL,
    case_id          TEXT    NOT NULL,
    kind             TEXT    NOT NULL,  -- RESERVED | DRAWN | RELEASED
    business_date    DATE    NOT NULL,
    amount_ore       BIGINT  NOT NULL,
    PRIMARY KEY (appropriation_id, sequence_number)
);

-- ---- the contract -----------------------------------------------------------------------------------------

CREATE VIEW report_leverage AS
SELECT EXTRACT(YEAR FROM decision_date)::INTEGER AS decision_year, category, form,
       SUM(amount_ore)::BIGINT AS amount_ore
FROM report_financing_change
GROUP BY 1, 2, 3;

CREATE VIEW report_leverage_summary AS
SELECT decision_year,
       SUM(amount_ore) FILTER (WHERE category = 'REGIONAL_1_1')::BIGINT AS regional_1_1_ore,
       SUM(amount_ore)::BIGINT AS total_ore,
       SUM(amount_ore) FILTER (WHERE category <> 'REGIONAL_1_1')::BIGINT AS others_ore,
       COALESCE(SUM(amount_ore) FILTER (WHERE category = 'ERUF'), 0)::BIGINT AS tillvaxtverket_eu_ore,
       COALESCE(SUM(amount_ore) FILTER (WHERE category = 'TILLVAXTVERKET_NATIONAL'), 0)::BIGINT AS tillvaxtverket_national_ore,
       COALESCE(SUM(amount_ore) FILTER (WHERE category = 'VINNOVA'), 0)::BIGINT AS vinnova_ore,
       COALESCE(SUM(amount_ore) FILTER (WHERE category NOT IN ('REGIONAL_1_1', 'ERUF', 'TILLVAXTVERKET_NATIONAL', 'VINNOVA')), 0)::BIGINT
           AS rest_ore,
       COALESCE(SUM(amount_ore) FILTER (WHERE form = 'IN_KIND'), 0)::BIGINT AS in_kind_ore
FROM report_leverage
GROUP BY decision_year;

CREATE VIEW report_disbursement AS
WITH paid AS (
    SELECT EXTRACT(YEAR FROM payment_date)::INTEGER AS year, fund, support_type,
           SUM(amount_ore)::BIGINT AS paid_ore, 0::BIGINT AS repaid_ore
    FROM report_payment GROUP BY 1, 2, 3
    UNION ALL
    SELECT EXTRACT(YEAR FROM received_on)::INTEGER, fund, support_type, 0, SUM(amount_ore)::BIGINT
    FROM report_repayment GROUP BY 1, 2, 3
), recipients AS (
    SELECT EXTRACT(YEAR FROM p.payment_date)::INTEGER AS year, p.fund, p.support_type,
           COUNT(DISTINCT c.recipient_key)::INTEGER AS recipients
    FROM report_payment p JOIN report_case c ON c.case_id = p.case_id GROUP BY 1, 2, 3
)
SELECT p.year AS payment_year, p.fund, p.support_type,
       SUM(p.paid_ore)::BIGINT AS paid_ore, SUM(p.repaid_ore)::BIGINT AS repaid_ore,
       (SUM(p.paid_ore) - SUM(p.repaid_ore))::BIGINT AS net_ore,
       COALESCE(MAX(r.recipients), 0) AS recipients
FROM paid p LEFT JOIN recipients r ON r.year = p.year AND r.fund = p.fund AND r.support_type = p.support_type
GROUP BY 1, 2, 3;

CREATE VIEW report_business_support AS
SELECT EXTRACT(YEAR FROM d.decision_date)::INTEGER AS decision_year, c.business_support_type,
       COUNT(*)::INTEGER AS decisions, SUM(d.amount_ore)::BIGINT AS amount_ore,
       COUNT(*) FILTER (WHERE c.municipality <> '1980')::INTEGER AS smaller_municipality_decisions,
       COALESCE(SUM(d.amount_ore) FILTER (WHERE c.municipality <> '1980'), 0)::BIGINT AS smaller_municipality_ore,
       COUNT(*) FILTER (WHERE c.led_by_woman)::INTEGER AS led_by_woman_decisions,
       COALESCE(SUM(d.amount_ore) FILTER (WHERE c.led_by_woman), 0)::BIGINT AS led_by_woman_ore,
       COUNT(*) FILTER (WHERE c.led_by_person_born_abroad)::INTEGER AS led_by_person_born_abroad_decisions,
       COALESCE(SUM(d.amount_ore) FILTER (WHERE c.led_by_person_born_abroad), 0)::BIGINT AS led_by_person_born_abroad_ore
FROM report_business_support_decision d JOIN report_case c ON c.case_id = d.case_id
GROUP BY 1, 2;

CREATE VIEW report_goal_areas AS
SELECT EXTRACT(YEAR FROM f.decision_date)::INTEGER AS decision_year, c.goal_area,
       SUM(f.amount_ore)::BIGINT AS regional_1_1_ore
FROM report_financing_change f JOIN report_case c ON c.case_id = f.project_id
WHERE f.category = 'REGIONAL_1_1'
GROUP BY 1, 2;

CREATE VIEW report_commitment_movements AS
SELECT m.appropriation_id, split_part(m.appropriation_id, '-', 1) AS fund,
       split_part(m.appropriation_id, '-', 2)::INTEGER AS decision_year,
       m.case_id, m.kind, m.business_date, m.amount_ore
FROM report_commitment_movement m;
