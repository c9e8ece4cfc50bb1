-- Value-tier rules may count purchases of the last 365 days or interactions of the last 90, and those counts fall as
-- time passes without any write to the account. aged_until is the time up to which the tenant's rule-governed tiers
-- account for that: every account's tier was derived at its last write or at the last replacement of the rules, and
-- the derivation sweep re-derives the accounts with an interaction that left a window since aged_until, then moves it.
ALTER TABLE value_tier_rules ADD COLUMN aged_until timestamptz;
UPDATE value_tier_rules SET aged_until = updated_at;
ALTER TABLE value_tier_rules ALTER COLUMN aged_until SET NOT NULL;
