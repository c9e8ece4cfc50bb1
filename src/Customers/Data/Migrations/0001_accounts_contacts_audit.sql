-- Accounts (companies and consumers), their contacts, and the field-level audit history.
-- Every row carries its tenant; every query filters on it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE accounts (
    id uuid PRIMARY KEY,
    tenant_id text NOT NULL,
    kind smallint NOT NULL,
    display_name text NOT NULL,
    email text,
    phone text,
    domain text,
    owner_user_id text NOT NULL,
    team text NOT NULL,
    tags text[] NOT NULL DEFAULT '{}',
    phase smallint NOT NULL,
    version bigint NOT NULL,
    request_id uuid,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    -- Normalised name (lower-case words) for fuzzy de-duplication, written by the service.
    name_key text NOT NULL,
    search_text text GENERATED ALWAYS AS (
        lower(display_name) || ' ' || coalesce(lower(email), '') || ' ' || coalesce(phone, '') || ' ' || coalesce(domain, '')
    ) STORED
);

CREATE UNIQUE INDEX accounts_request_id ON accounts (tenant_id, request_id) WHERE request_id IS NOT NULL;
CREATE INDEX accounts_tenant ON accounts (tenant_id, id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_owner ON accounts (tenant_id, owner_user_id, id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_team ON accounts (tenant_id, team, id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_tags ON accounts USING gin (tags);
CREATE INDEX accounts_email ON accounts (tenant_id, lower(email)) WHERE deleted_at IS NULL;
CREATE INDEX accounts_phone ON accounts (tenant_id, phone) WHERE deleted_at IS NULL;
CREATE INDEX accounts_name_key_trgm ON accounts USING gin (name_key gin_trgm_ops);
CREATE INDEX accounts_search_trgm ON accounts USING gin (search_text gin_trgm_ops);

CREATE TABLE contacts (
    id uuid PRIMARY KEY,
    tenant_id text NOT NULL,
    account_id uuid NOT NULL REFERENCES accounts (id),
    given_name text,
    family_name text,
    email text,
    phone text,
    job_title text,
    owner_user_id text NOT NULL,
    team text NOT NULL,
    tags text[] NOT NULL DEFAULT '{}',
    version bigint NOT NULL,
    request_id uuid,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    name_key text NOT NULL,
    search_text text GENERATED ALWAYS AS (
        lower(coalesce(given_name, '') || ' ' || coalesce(family_name, '')) || ' ' || coalesce(lower(email), '') || ' '
        || coalesce(phone, '') || ' ' || coalesce(lower(job_title), '')
    ) STORED
);

CREATE UNIQUE INDEX contacts_request_id ON contacts (tenant_id, request_id) WHERE request_id IS NOT NULL;
CREATE INDEX contacts_tenant ON contacts (tenant_id, id);
CREATE INDEX contacts_account ON contacts (tenant_id, account_id, id);
CREATE INDEX contacts_owner ON contacts (tenant_id, owner_user_id, id);
CREATE INDEX contacts_team ON contacts (tenant_id, team, id);
CREATE INDEX contacts_tags ON contacts USING gin (tags);
CREATE INDEX contacts_email ON contacts (tenant_id, lower(email));
CREATE INDEX contacts_phone ON contacts (tenant_id, phone);
CREATE INDEX contacts_name_key_trgm ON contacts USING gin (name_key gin_trgm_ops);
CREATE INDEX contacts_search_trgm ON contacts USING gin (search_text gin_trgm_ops);

-- Field-level history: who changed which field of which record, when, from what to what.
-- Written in the same transaction as the change.
CREATE TABLE audit_entries (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id text NOT NULL,
    resource_name text NOT NULL,
    version bigint NOT NULL,
    field text NOT NULL,
    old_value text,
    new_value text,
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL
);

CREATE INDEX audit_entries_resource ON audit_entries (tenant_id, resource_name, id);
