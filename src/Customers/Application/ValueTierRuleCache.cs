using System.Collections.Concurrent;
using CrmPlatform.Customers.Data;
using CrmPlatform.Customers.Domain;
using Npgsql;

namespace CrmPlatform.Customers.Application;

/// <summary>
/// The value-tier rules of the tenants that created accounts lately, so that a create need not read them first. They may
/// be stale (another replica may have replaced them): whoever applies them has the write check their version
/// (<see cref="ValueTierRuleRows.CheckVersion"/>) and, when that fails, forgets them and starts again. At most
/// <see cref="MaxTenants"/> tenants are held; beyond that the cache starts afresh.
/// </summary>
public sealed class ValueTierRuleCache
{
    private const int MaxTenants = 10_000;

    private readonly ConcurrentDictionary<string, ValueTierRuleSet> _rules = new(StringComparer.Ordinal);

    public async ValueTask<ValueTierRuleSet> GetAsync(NpgsqlConnection connection, string tenantId, CancellationToken cancellationToken)
    {
        if (_rules.TryGetValue(tenantId, out var known))
        {
            return known;
        }

        var rules = await ValueTierRuleRows.FindAsync(connection, null, tenantId, cancellationToken);
        Remember(tenantId, rules);
        return rules;
    }

    /// <summary>Keeps <paramref name="rules"/> unless a later version is already held.</summary>
    public void Remember(string tenantId, ValueTierRuleSet rules)
    {
        if (_rules.Count >= MaxTenants)
        {
            _rules.Clear();
        }

        _rules.AddOrUpdate(tenantId, rules, (_, known) => known.Version > rules.Version ? known : rules);
    }

    public void Forget(string tenantId) => _rules.TryRemove(tenantId, out _);
}
