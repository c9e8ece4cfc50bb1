-- Contact management: interactions at touchpoints (the account timeline), their follow-ups, the tenant's
-- repeated-contact policy, and deletable contacts (their interactions stay on the account's timeline).
ALTER TABLE contacts ADD COLUMN deleted_at timestamptz;

CREATE TABLE interactions (
    id uuid PRIMARY KEY,
    tenant_id text NOT NULL,
    account_id uuid NOT NULL REFERENCES accounts (id),
    contact_id uuid REFERENCES contacts (id),
    channel smallint NOT NULL,
    touchpoint_type smallint,
    touchpoint_owner smallint,
    direction smallint,
    purpose smallint,
    outcome smallint,
    subject text,
    notes text,
    occurred_at timestamptz NOT NULL,
    recorded_by text NOT NULL,
    source text NOT NULL,
    follow_up_due_at timestamptz,
    follow_up_owner text,
    follow_up_note text,
    follow_up_done_at timestamptz,
    -- The earlier outbound attempts within the repeated-contact window when it was recorded (empty: not repeated).
    previous_attempts uuid[] NOT NULL DEFAULT '{}',
    version bigint NOT NULL,
    request_id uuid,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CHECK ((follow_up_due_at IS NULL) = (follow_up_owner IS NULL))
);

CREATE UNIQUE INDEX interactions_request_id ON interactions (tenant_id, request_id) WHERE request_id IS NOT NULL;
CREATE INDEX interactions_account_timeline ON interactions (tenant_id, account_id, occurred_at DESC, id DESC);
CREATE INDEX interactions_contact_timeline ON interactions (tenant_id, contact_id, occurred_at DESC, id DESC)
    WHERE contact_id IS NOT NULL;
CREATE INDEX interactions_open_follow_ups ON interactions (tenant_id, follow_up_owner, follow_up_due_at, id)
    WHERE follow_up_due_at IS NOT NULL AND follow_up_done_at IS NULL;

CREATE TABLE contact_policies (
    tenant_id text PRIMARY KEY,
    repeated_contact_window_seconds bigint NOT NULL,
    repeated_contact_threshold integer NOT NULL,
    updated_by text NOT NULL,
    updated_at timestamptz NOT NULL
);
