-- The project status read model (ledger-projections, ProjectStatusProjection). Amounts in öre.
CREATE TABLE project_status (
    project_id                VARCHAR(255) NOT NULL,
    diary_number              VARCHAR(64)  NOT NULL,
    nyps_case_id              VARCHAR(64),
    title                     TEXT         NOT NULL,
    owner_name                TEXT         NOT NULL,
    owner_organisation_number VARCHAR(11)  NOT NULL,
    kind                      VARCHAR(32)  NOT NULL,
    goal_area                 TEXT         NOT NULL,
    period_start              DATE         NOT NULL,
    period_end                DATE         NOT NULL,
    status                    VARCHAR(16)  NOT NULL,
    decision_number           TEXT,
    decision_date             DATE,
    decision_year             INTEGER,
    decided_ore               BIGINT       NOT NULL DEFAULT 0,
    total_budget_ore          BIGINT       NOT NULL DEFAULT 0,
    requisitioned_ore         BIGINT       NOT NULL DEFAULT 0,
    approved_ore              BIGINT       NOT NULL DEFAULT 0,
    payable_ore               BIGINT       NOT NULL DEFAULT 0,
    paid_ore                  BIGINT       NOT NULL DEFAULT 0,
    advances_ore              BIGINT       NOT NULL DEFAULT 0,
    recovered_ore             BIGINT       NOT NULL DEFAULT 0,
    repaid_ore                BIGINT       NOT NULL DEFAULT 0,
    released_ore              BIGINT       NOT NULL DEFAULT 0,
    open_requisition_id       VARCHAR(255),
    requisition_count         INTEGER      NOT NULL DEFAULT 0,
    version                   BIGINT       NOT NULL,
    updated_at                TIMESTAMPTZ  NOT NULL,
    CONSTRAINT project_status_pk PRIMARY KEY (project_id)
);
CREATE INDEX project_status_status_idx ON project_status (status);
CREATE INDEX project_status_decision_year_idx ON project_status (decision_year);

CREATE TABLE project_status_municipality (
    project_id VARCHAR(255) NOT NULL REFERENCES project_status (project_id) ON DELETE CASCADE,
    scb_code   VARCHAR(4)   NOT NULL,
    CONSTRAINT project_status_municipality_pk PRIMARY KEY (project_id, scb_code)
);
CREATE INDEX project_status_municipality_code_idx ON project_status_municipality (scb_code);

CREATE TABLE project_status_plan_line (
    project_id VARCHAR(255) NOT NULL REFERENCES project_status (project_id) ON DELETE CASCADE,
    line_no    INTEGER      NOT NULL,
    funder     TEXT         NOT NULL,
    category   VARCHAR(32)  NOT NULL,
    form       VARCHAR(16)  NOT NULL,
    amount_ore BIGINT       NOT NULL,
    CONSTRAINT project_status_plan_line_pk PRIMARY KEY (project_id, line_no)
);
