-- No key on note_id: a duplicate delivery would show up as a second row.
CREATE TABLE notes_seen (
    note_id uuid NOT NULL,
    text text NOT NULL,
    trace_id text
);
