-- Money that comes back (docs/adr/0014): a repayment in the same budget year as the payment it returns is credited
-- back to the frame the payment was drawn from; one for an earlier year's payment goes to the state. The frames and
-- the cases now say how much went to the state.
ALTER TABLE appropriation_status ADD COLUMN returned_to_state_ore BIGINT NOT NULL DEFAULT 0;
ALTER TABLE project_status ADD COLUMN returned_to_state_ore BIGINT NOT NULL DEFAULT 0;
ALTER TABLE support_case_status ADD COLUMN returned_to_state_ore BIGINT NOT NULL DEFAULT 0;
ALTER TABLE report_repayment ADD COLUMN returned_to_state_ore BIGINT NOT NULL DEFAULT 0;

-- Every repayment recorded before today reached no frame: the cases count it as returned to the state (as the
-- projections do when they replay those events), so the rows agree with a rebuild without one.
UPDATE project_status SET returned_to_state_ore = repaid_ore;
UPDATE support_case_status SET returned_to_state_ore = repaid_ore;
UPDATE report_repayment SET returned_to_state_ore = amount_ore;

COMMENT ON COLUMN report_commitment_movement.kind IS
    'RESERVED | DRAWN | RELEASED | CREDITED (a same-year repayment back to the frame) | RETURNED_TO_STATE';
