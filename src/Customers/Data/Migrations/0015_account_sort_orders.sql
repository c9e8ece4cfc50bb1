-- Keyset pages of accounts sorted by name (case-insensitive), creation or update time, ties broken by id. Each index
-- serves both directions (scanned backwards for "desc").
CREATE INDEX accounts_name_order ON accounts (tenant_id, lower(display_name), id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_created_order ON accounts (tenant_id, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_updated_order ON accounts (tenant_id, updated_at, id) WHERE deleted_at IS NULL;
