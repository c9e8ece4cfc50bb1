-- Bulk import jobs: progress counters (updated in the transaction of each row), the first row errors, and the row
-- keys already imported per tenant (a repeated key creates nothing).
CREATE TABLE import_jobs (
    tenant_id text NOT NULL,
    id uuid NOT NULL,
    created_by text NOT NULL,
    total_rows integer NOT NULL DEFAULT 0,
    processed_rows integer NOT NULL DEFAULT 0,
    created_accounts integer NOT NULL DEFAULT 0,
    created_contacts integer NOT NULL DEFAULT 0,
    skipped_rows integer NOT NULL DEFAULT 0,
    failed_rows integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE import_errors (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id text NOT NULL,
    import_id uuid NOT NULL,
    row_key text NOT NULL,
    field text NOT NULL,
    message text NOT NULL
);

CREATE INDEX import_errors_job ON import_errors (tenant_id, import_id, id);

CREATE TABLE import_rows (
    tenant_id text NOT NULL,
    row_key text NOT NULL,
    import_id uuid NOT NULL,
    account_id uuid,
    contact_ids uuid[] NOT NULL DEFAULT '{}',
    imported_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, row_key)
);
