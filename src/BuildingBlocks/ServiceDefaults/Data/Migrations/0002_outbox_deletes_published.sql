-- The dispatcher deletes the rows it publishes, in the transaction that commits after the broker confirmed them,
-- instead of marking them dispatched: the outbox holds only pending events rather than growing with every write, and a
-- claim writes no new row version (with its body) and no index entry. Rows already marked dispatched go now.
DELETE FROM outbox_messages WHERE dispatched_at IS NOT NULL;
DROP INDEX outbox_messages_pending;
ALTER TABLE outbox_messages DROP COLUMN dispatched_at;
CREATE UNIQUE INDEX outbox_messages_sequence ON outbox_messages (sequence);
