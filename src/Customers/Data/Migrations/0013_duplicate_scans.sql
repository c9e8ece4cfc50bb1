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
