-- Issue 4: business support, commercial service, appropriation frames and de minimis.
-- Amounts are whole öre (BIGINT, suffix _ore) or whole euro cents (suffix _eur_cents): never floating point.

-- Which single undertaking a company belongs to. Claimed in the transaction of the command that links the
-- company (like project_diary_number), so two undertakings can never both hold one company.
CREATE TABLE undertaking_member (
    organisation_number VARCHAR(11) PRIMARY KEY,
    undertaking_id      TEXT        NOT NULL
);

-- Read model: one row per business-support or commercial-service case.
CREATE TABLE support_case_status (
    case_id                   TEXT PRIMARY KEY,
    support_type              TEXT        NOT NULL,   -- BUSINESS_SUPPORT | COMMERCIAL_SERVICE
    diary_number              TEXT        NOT NULL,
    status                    TEXT        NOT NULL,   -- REGISTERED | DECIDED | CLOSED | WITHDRAWN
    fund                      TEXT        NOT NULL,
    recipient_name            TEXT        NOT NULL,
    organisation_number       VARCHAR(11) NOT NULL,
    municipality              VARCHAR(4)  NOT NULL,   -- SCB code
    -- business support only
    business_support_type     TEXT,
    led_by_woman              BOOLEAN,
    led_by_person_born_abroad BOOLEAN,
    purpose                   TEXT,
    undertaking_id            TEXT,
    de_minimis_eur_cents      BIGINT,
    sek_per_euro              NUMERIC(18, 6),
    -- commercial service only
    recipient_kind            TEXT,
    service_type              TEXT,
    service_year              INTEGER,
    net_cost_ore              BIGINT,
    -- the decision and the money
    registered_by             TEXT        NOT NULL,
    decision_number           TEXT,
    decision_date             DATE,
    decided_by                TEXT,
    decided_ore               BIGINT      NOT NULL DEFAULT 0,
    pending_ore               BIGINT      NOT NULL DEFAULT 0,
    paid_ore                  BIGINT      NOT NULL DEFAULT 0,
    recovered_ore             BIGINT      NOT NULL DEFAULT 0,
    repaid_ore                BIGINT      NOT NULL DEFAULT 0,
    released_ore              BIGINT      NOT NULL DEFAULT 0,
    closed_on                 DATE,
    version                   BIGINT      NOT NULL,   -- sequence number of the last event applied
    updated_at                TIMESTAMPTZ NOT NULL
);
CREATE INDEX support_case_status_type_idx ON support_case_status (support_type, diary_number);

-- Read model: one row per fund and year. committed = reserved - released; headroom = frame - committed.
CREATE TABLE appropriation_status (
    appropriation_id TEXT PRIMARY KEY,
    fund             TEXT        NOT NULL,
    year             INTEGER     NOT NULL,
    frame_ore        BIGINT      NOT NULL,
    reserved_ore     BIGINT      NOT NULL DEFAULT 0,
    drawn_ore        BIGINT      NOT NULL DEFAULT 0,
    released_ore     BIGINT      NOT NULL DEFAULT 0,
    version          BIGINT      NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

-- Read model: single undertakings, their companies and every piece of de minimis aid that counts.
CREATE TABLE undertaking_status (
    undertaking_id TEXT PRIMARY KEY,
    name           TEXT        NOT NULL,
    version        BIGINT      NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE undertaking_company (
    undertaking_id      TEXT        NOT NULL REFERENCES undertaking_status (undertaking_id),
    organisation_number VARCHAR(11) NOT NULL,
    PRIMARY KEY (undertaking_id, organisation_number)
);

CREATE TABLE de_minimis_aid (
    undertaking_id      TEXT        NOT NULL REFERENCES undertaking_status (undertaking_id),
    source_id           TEXT        NOT NULL,   -- the deciding case id, or the declaration id
    kind                TEXT        NOT NULL,   -- GRANTED (by the region) | DECLARED (another grantor)
    organisation_number VARCHAR(11) NOT NULL,
    grantor             TEXT        NOT NULL,
    granted_on          DATE        NOT NULL,
    amount_eur_cents    BIGINT      NOT NULL,
    amount_ore          BIGINT,                 -- the region's own decisions: the kronor decided
    sek_per_euro        NUMERIC(18, 6),         -- and the rate of the decision's date
    PRIMARY KEY (undertaking_id, source_id)
);
