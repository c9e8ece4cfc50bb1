-- Relationships of contacts beyond their own account: works-for, household membership, reports-to.
CREATE TABLE relationships (
    id uuid PRIMARY KEY,
    tenant_id text NOT NULL,
    type smallint NOT NULL,
    contact_id uuid NOT NULL REFERENCES contacts (id),
    target_account_id uuid REFERENCES accounts (id),
    target_contact_id uuid REFERENCES contacts (id),
    description text,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    CHECK ((target_account_id IS NULL) <> (target_contact_id IS NULL))
);

CREATE UNIQUE INDEX relationships_unique ON relationships
    (tenant_id, contact_id, type, coalesce(target_account_id, target_contact_id));
CREATE INDEX relationships_target_account ON relationships (tenant_id, target_account_id) WHERE target_account_id IS NOT NULL;
CREATE INDEX relationships_target_contact ON relationships (tenant_id, target_contact_id) WHERE target_contact_id IS NOT NULL;
