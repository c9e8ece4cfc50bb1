-- When the consumer applied each note, for the commit->consumed latency benchmark.
ALTER TABLE notes_seen ADD COLUMN seen_at timestamptz NOT NULL DEFAULT clock_timestamp();
