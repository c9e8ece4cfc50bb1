-- IDIC: value-tier rules per tenant; value_tier_source says what set an account's tier ("manual" or "rule:<index>").
ALTER TABLE accounts ADD COLUMN value_tier_source text;
UPDATE accounts SET value_tier_source = 'manual' WHERE value_tier IS NOT NULL;

CREATE TABLE value_tier_rules (
    tenant_id text PRIMARY KEY,
    rules jsonb NOT NULL,
    updated_by text NOT NULL,
    updated_at timestamptz NOT NULL
);
