-- Users who sign in at the gateway. Passwords are ASP.NET Core PasswordHasher hashes; emails are stored lower-cased
-- and are unique across the gateway.
CREATE TABLE users (
    id uuid PRIMARY KEY,
    email text NOT NULL CHECK (email = lower(email)),
    display_name text NOT NULL,
    password_hash text NOT NULL,
    roles text[] NOT NULL,
    teams text[] NOT NULL,
    tenant_id text NOT NULL,
    disabled boolean NOT NULL DEFAULT false,
    failed_sign_ins integer NOT NULL DEFAULT 0,
    locked_until timestamptz,
    create_time timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_tenant ON users (tenant_id, id);

-- Refresh tokens, stored as SHA-256 hashes. Each sign-in starts a family; a refresh replaces the token by a new one of
-- the same family, and presenting a replaced token again revokes the whole family.
CREATE TABLE refresh_tokens (
    id uuid PRIMARY KEY,
    family_id uuid NOT NULL,
    user_id uuid NOT NULL REFERENCES users (id),
    token_hash bytea NOT NULL UNIQUE,
    create_time timestamptz NOT NULL,
    expire_time timestamptz NOT NULL,
    replaced_time timestamptz,
    revoked_time timestamptz
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id) WHERE revoked_time IS NULL;

-- API keys for integrators: "crm_<prefix>_<secret>"; the prefix finds the row, the secret is stored as its SHA-256.
CREATE TABLE api_keys (
    id uuid PRIMARY KEY,
    prefix text NOT NULL UNIQUE,
    secret_hash bytea NOT NULL,
    display_name text NOT NULL,
    roles text[] NOT NULL,
    teams text[] NOT NULL,
    owner_user_id uuid NOT NULL REFERENCES users (id),
    tenant_id text NOT NULL,
    create_time timestamptz NOT NULL,
    expire_time timestamptz,
    revoked_time timestamptz,
    last_used_time timestamptz
);
CREATE INDEX api_keys_tenant ON api_keys (tenant_id, id);
