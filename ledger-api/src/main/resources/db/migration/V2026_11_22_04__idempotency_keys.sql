-- Idempotency-Key (issue 3): the first answer to a POST, replayed to every retry with the same key and body.
-- Keys belong to the user who sent them. status is null while the first request is still being handled.
CREATE TABLE idempotency_key (
    username        VARCHAR(255)  NOT NULL,
    idempotency_key VARCHAR(255)  NOT NULL,
    request_hash    VARCHAR(64)   NOT NULL,
    status          INTEGER,
    content_type    VARCHAR(255),
    location        VARCHAR(2000),
    body            BYTEA,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    completed_at    TIMESTAMPTZ,
    CONSTRAINT idempotency_key_pk PRIMARY KEY (username, idempotency_key)
);
