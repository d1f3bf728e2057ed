-- 100 000 projects' worth of report facts, for timing the reports at scale without five hours of REST loading
-- (docs/performance.md, "Reports at 100 000 projects"). Run against a fresh service's embedded PostgreSQL:
--   psql -h localhost -p <port> -U postgres -f bench/report-facts-at-scale.sql
-- It writes the report projection's tables directly: the figures are not books a ledger could hold (no events
-- behind them, no rule ran), only rows of the size and spread of such books: 100 000 cases, 900 000 financing
-- lines, 1 000 000 payments and 1 000 000 frame movements over the ten years 2016-2025. Never on a real ledger.
INSERT INTO report_case (case_id, support_type, diary_number, recipient_key, recipient_name, municipality, goal_area, fund)
SELECT 'p' || i, 'PROJECT', 'RV' || i, 'p' || i, 'Ägare ' || i, NULL, 'Mål ' || (i % 5), 'REGIONAL_1_1'
FROM generate_series(1, 100000) i;

INSERT INTO report_financing_change (project_id, sequence_number, decision_date, category, form, amount_ore, recorded_at)
SELECT 'p' || i, 2, DATE '2016-01-01' + (i % 3650), c, 'CASH', 100000 + i,
       TIMESTAMPTZ '2016-01-01' + (i % 3650) * INTERVAL '1 day' + INTERVAL '3 days'
FROM generate_series(1, 100000) i,
     unnest(ARRAY['REGIONAL_1_1', 'ERUF', 'TILLVAXTVERKET_NATIONAL', 'VINNOVA', 'MUNICIPALITY', 'OTHER_REGION',
                  'OTHER_PUBLIC', 'PRIVATE', 'REGIONAL_OWN']) c;

INSERT INTO report_payment (case_id, payment_id, support_type, fund, payment_date, amount_ore, recorded_at, recipient_key)
SELECT 'p' || i, 'pay' || k, 'PROJECT', 'REGIONAL_1_1', DATE '2016-01-01' + ((i + k * 37) % 3650), 5000 + k,
       TIMESTAMPTZ '2016-01-01' + ((i + k * 37) % 3650) * INTERVAL '1 day' + INTERVAL '2 days', 'p' || i
FROM generate_series(1, 100000) i, generate_series(1, 10) k;

INSERT INTO report_commitment_movement (appropriation_id, sequence_number, case_id, kind, business_date, amount_ore,
                                        recorded_at)
SELECT 'REGIONAL_1_1-' || (2016 + (i % 10)), i * 10 + k, 'p' || i,
       (ARRAY['RESERVED', 'DRAWN', 'DRAWN', 'RELEASED', 'CREDITED'])[1 + k % 5],
       DATE '2016-01-01' + ((i + k * 37) % 3650), 1000 + k,
       TIMESTAMPTZ '2016-01-01' + ((i + k * 37) % 3650) * INTERVAL '1 day' + INTERVAL '1 day'
FROM generate_series(1, 100000) i, generate_series(1, 10) k;

VACUUM ANALYZE;
