-- Typed custom fields: definitions per tenant and record type; values as {"key": {"type": "number", "value": 12}}.
CREATE TABLE custom_field_definitions (
    tenant_id text NOT NULL,
    record_kind smallint NOT NULL,
    key text NOT NULL,
    display_name text NOT NULL,
    type smallint NOT NULL,
    choices text[] NOT NULL DEFAULT '{}',
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, record_kind, key)
);

ALTER TABLE accounts ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}';
ALTER TABLE contacts ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}';
CREATE INDEX accounts_custom_fields ON accounts USING gin (custom_fields jsonb_path_ops);
CREATE INDEX contacts_custom_fields ON contacts USING gin (custom_fields jsonb_path_ops);
