-- Keyset pages of contacts sorted by given or family name (case-insensitive; a missing name sorts as ""), creation or
-- update time, ties broken by id. Only the contacts lists show are indexed; each index serves both directions (scanned
-- backwards for "desc").
CREATE INDEX contacts_given_name_order ON contacts (tenant_id, lower(coalesce(given_name, '')), id)
    WHERE deleted_at IS NULL AND erased_at IS NULL AND merged_into IS NULL;
CREATE INDEX contacts_family_name_order ON contacts (tenant_id, lower(coalesce(family_name, '')), id)
    WHERE deleted_at IS NULL AND erased_at IS NULL AND merged_into IS NULL;
CREATE INDEX contacts_created_order ON contacts (tenant_id, created_at, id)
    WHERE deleted_at IS NULL AND erased_at IS NULL AND merged_into IS NULL;
CREATE INDEX contacts_updated_order ON contacts (tenant_id, updated_at, id)
    WHERE deleted_at IS NULL AND erased_at IS NULL AND merged_into IS NULL;
