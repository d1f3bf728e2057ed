-- Commands sent under an Idempotency-Key, recorded in the transaction that stores their events (AppliedCommands).
-- After a crash between that commit and the stored answer, a retry with the same key runs the request again with
-- the same ids; a command found here took effect already and is not applied twice.
CREATE TABLE applied_command (
    command_key VARCHAR(100) NOT NULL,
    applied_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT applied_command_pk PRIMARY KEY (command_key)
);
