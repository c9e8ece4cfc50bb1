-- Recording an interaction derives the account's phase and value tier from every interaction of the account and counts
-- its recent outbound attempts. With the columns those reads need in the account timeline index, PostgreSQL answers
-- them from the index alone (an index-only scan, already in time order) instead of visiting a heap page per
-- interaction, which on a long timeline meant reading most of the account's history from disk on every call.
DROP INDEX interactions_account_timeline;
CREATE INDEX interactions_account_timeline ON interactions (tenant_id, account_id, occurred_at DESC, id DESC)
    INCLUDE (direction, purpose, outcome, contact_id);
