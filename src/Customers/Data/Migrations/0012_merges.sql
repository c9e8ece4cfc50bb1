-- Merges: a merged record points at its survivor (merged_into) and is hidden like a deleted one; the survivor lists
-- every record merged into it (merged_ids), so their names keep resolving to it.
ALTER TABLE accounts ADD COLUMN merged_into uuid;
ALTER TABLE accounts ADD COLUMN merged_ids uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE contacts ADD COLUMN merged_into uuid;
ALTER TABLE contacts ADD COLUMN merged_ids uuid[] NOT NULL DEFAULT '{}';
CREATE INDEX accounts_merged_into ON accounts (tenant_id, merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX contacts_merged_into ON contacts (tenant_id, merged_into) WHERE merged_into IS NOT NULL;
