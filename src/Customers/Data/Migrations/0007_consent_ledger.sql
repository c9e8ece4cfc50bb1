-- The consent ledger: append-only grants and withdrawals per contact and purpose.
CREATE TABLE consent_ledger (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id text NOT NULL,
    contact_id uuid NOT NULL REFERENCES contacts (id),
    purpose smallint NOT NULL,
    granted boolean NOT NULL,
    source text NOT NULL,
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL
);

CREATE INDEX consent_ledger_contact ON consent_ledger (tenant_id, contact_id, purpose, id);
