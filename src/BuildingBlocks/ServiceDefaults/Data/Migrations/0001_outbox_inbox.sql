-- Transactional outbox: events written in the same transaction as the state change they describe.
CREATE TABLE outbox_messages (
    id uuid PRIMARY KEY,
    sequence bigint GENERATED ALWAYS AS IDENTITY,
    message_type text NOT NULL,
    body jsonb NOT NULL,
    trace_parent text,
    trace_state text,
    created_at timestamptz NOT NULL DEFAULT now(),
    dispatched_at timestamptz
);

CREATE INDEX outbox_messages_pending ON outbox_messages (sequence) WHERE dispatched_at IS NULL;

-- Idempotent inbox: a consumer records each message id in the same transaction as its effect.
CREATE TABLE inbox_messages (
    message_id uuid NOT NULL,
    consumer text NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (message_id, consumer)
);
