-- Four-eyes (issue 3): who prepared and decided the grant, and payments proposed but not yet attested.
ALTER TABLE project_status
    ADD COLUMN grant_prepared_by    VARCHAR(255),
    ADD COLUMN grant_decided_by     VARCHAR(255),
    ADD COLUMN pending_payments_ore BIGINT NOT NULL DEFAULT 0;
