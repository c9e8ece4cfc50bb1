-- Hofmeyr commitment: the last answers (jsonb), the score and the segment (filterable).
ALTER TABLE accounts ADD COLUMN commitment jsonb;
ALTER TABLE accounts ADD COLUMN commitment_segment smallint;
CREATE INDEX accounts_commitment_segment ON accounts (tenant_id, commitment_segment, id)
    WHERE deleted_at IS NULL AND commitment_segment IS NOT NULL;
