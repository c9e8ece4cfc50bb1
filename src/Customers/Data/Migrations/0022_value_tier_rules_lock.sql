-- A new account's tier comes from the tenant's rules as they were when it was inserted. Replacing the rules takes this
-- lock exclusively before it re-evaluates the tenant's accounts, and every insert of an account takes it shared before
-- it checks (or reads) the rules' version: an insert either commits before the re-evaluation looks at the accounts, which
-- then re-tiers it, or waits for the new rules, finds its version stale and applies them. Before, an account created
-- while the rules were being replaced was checked against the old, still committed version and kept the old rules' tier.
CREATE FUNCTION lock_value_tier_rules(tenant text) RETURNS void
LANGUAGE sql VOLATILE AS $$
    SELECT pg_advisory_xact_lock(hashtextextended('value_tier_rules:' || tenant, 0));
$$;

CREATE FUNCTION lock_value_tier_rules_shared(tenant text) RETURNS void
LANGUAGE sql VOLATILE AS $$
    SELECT pg_advisory_xact_lock_shared(hashtextextended('value_tier_rules:' || tenant, 0));
$$;

CREATE OR REPLACE FUNCTION check_value_tier_rules_version(tenant text, applied bigint) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM lock_value_tier_rules_shared(tenant);
    IF coalesce((SELECT version FROM value_tier_rules WHERE tenant_id = tenant), 0) <> applied THEN
        RAISE EXCEPTION 'the value-tier rules of tenant % changed', tenant USING ERRCODE = 'CR001';
    END IF;
END
$$;
