-- IDIC: a value tier per account; a preferred channel and contact times per contact.
ALTER TABLE accounts ADD COLUMN value_tier smallint;
CREATE INDEX accounts_value_tier ON accounts (tenant_id, value_tier, id) WHERE deleted_at IS NULL AND value_tier IS NOT NULL;
ALTER TABLE contacts ADD COLUMN preferred_channel smallint;
ALTER TABLE contacts ADD COLUMN contact_times jsonb;
