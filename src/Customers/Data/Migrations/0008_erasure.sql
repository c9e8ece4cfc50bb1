-- Erasure: erased contacts keep their row (ids only); hashes of the person's identifiers block silent re-imports.
ALTER TABLE contacts ADD COLUMN erased_at timestamptz;

CREATE TABLE erasure_tombstones (
    tenant_id text NOT NULL,
    identifier_hash text NOT NULL,
    erased_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, identifier_hash)
);
