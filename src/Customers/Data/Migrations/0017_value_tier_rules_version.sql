-- Each replacement of a tenant's value-tier rules gets the next version (0: the tenant never had rules). The service
-- keeps the rules in memory by version, and an account insert checks in its own round trip that the version it applied
-- is still the tenant's; when it is not, nothing is written and the service reads the rules again.
ALTER TABLE value_tier_rules ADD COLUMN version bigint NOT NULL DEFAULT 1;

CREATE FUNCTION check_value_tier_rules_version(tenant text, applied bigint) RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF coalesce((SELECT version FROM value_tier_rules WHERE tenant_id = tenant), 0) <> applied THEN
        RAISE EXCEPTION 'the value-tier rules of tenant % changed', tenant USING ERRCODE = 'CR001';
    END IF;
END
$$;
