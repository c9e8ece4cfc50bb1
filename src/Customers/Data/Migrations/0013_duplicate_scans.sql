-- The result of the last duplicate scan per tenant. Groups hold ids, scores and evidence only (no names: those are
-- read from the records when listed, so erasure and merges need not touch this table).
CREATE TABLE duplicate_scans (
    tenant_id text PRIMARY KEY,
    scanned_at timestamptz NOT NULL
);

CREATE TABLE duplicate_groups (
    tenant_id text NOT NULL,
    record_kind smallint NOT NULL,
    -- 1 = the highest score of the tenant's scan for this kind.
    rank integer NOT NULL,
    score double precision NOT NULL,
    -- [{"id": "...", "score": 0.95, "matchedFields": ["email", "name"]}, ...]
    members jsonb NOT NULL,
    PRIMARY KEY (tenant_id, record_kind, rank)
);

-- Blocking keys of the scan: a similar name counts only with a shared email domain or company domain, so similar names
-- are looked up within those (btree_gin lets one GIN index hold the equality key and the name trigrams).
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX accounts_email_domain_name_trgm ON accounts
    USING gin (tenant_id, (split_part(lower(email), '@', 2)), name_key gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX accounts_company_domain_name_trgm ON accounts
    USING gin (tenant_id, (coalesce(domain, split_part(lower(email), '@', 2))), name_key gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX accounts_domain ON accounts (tenant_id, domain) WHERE deleted_at IS NULL AND domain IS NOT NULL;
CREATE INDEX contacts_email_domain_name_trgm ON contacts
    USING gin (tenant_id, (split_part(lower(email), '@', 2)), name_key gin_trgm_ops) WHERE erased_at IS NULL AND merged_into IS NULL;
CREATE INDEX contacts_account_name_trgm ON contacts
    USING gin (tenant_id, account_id, name_key gin_trgm_ops) WHERE erased_at IS NULL AND merged_into IS NULL;
