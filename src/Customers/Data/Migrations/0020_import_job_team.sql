-- An import job belongs to its starter and the team they started it in, as a record does, so that teammates and their
-- sales managers may follow and continue it. Jobs started before have no team: only their starter (or an admin).
ALTER TABLE import_jobs ADD COLUMN team text NOT NULL DEFAULT '';
