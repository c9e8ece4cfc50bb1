-- Dwyer's relationship phase is derived from interactions unless overridden by hand; every change is kept.
ALTER TABLE accounts ADD COLUMN phase_override boolean NOT NULL DEFAULT false;

CREATE TABLE phase_changes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id text NOT NULL,
    account_id uuid NOT NULL REFERENCES accounts (id),
    from_phase smallint NOT NULL,
    to_phase smallint NOT NULL,
    reason text NOT NULL,
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL
);

CREATE INDEX phase_changes_account ON phase_changes (tenant_id, account_id, id);
-- The time-based rule (no interaction for 180 days) is re-evaluated on a schedule over these.
CREATE INDEX accounts_derived_active_phase ON accounts (phase, id) WHERE deleted_at IS NULL AND NOT phase_override AND phase IN (2, 3, 4);
