using CrmPlatform.Customers.Data;
using CrmPlatform.Customers.Domain;
using CrmPlatform.ServiceDefaults.Security;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmPlatform.Customers.Application;

/// <summary>
/// IDIC "differentiate": the tenant's value-tier rules. Replacing them re-evaluates, in the same transaction, every
/// account whose tier was not set by hand.
/// </summary>
public sealed class ValueTierOperations(
    NpgsqlDataSource dataSource, AccountDerivation derivation, ValueTierRuleCache cache, TimeProvider time, ILogger<ValueTierOperations> logger)
{
    public async Task<ValueTierRuleSet> GetAsync(Caller caller, CancellationToken cancellationToken)
    {
        AccessPolicy.EnsureCanReadCustomers(caller);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ValueTierRuleRows.FindAsync(connection, null, caller.TenantId, cancellationToken);
    }

    public async Task<ValueTierRuleSet> ReplaceAsync(Caller caller, IReadOnlyList<ValueTierRule> rules, CancellationToken cancellationToken)
    {
        AccessPolicy.EnsureCanChangeTenantSettings(caller, "value-tier rules");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var numberFields = (await CustomFieldDefinitionRows.ListAsync(connection, caller.TenantId, RecordKind.Account, cancellationToken))
            .Where(d => d.Type == CustomFieldType.Number).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        ValueTierRules.Validate(rules, numberFields, "rules");

        var now = Sql.ToMicroseconds(time.GetUtcNow());
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var version = await ValueTierRuleRows.SaveAsync(transaction, caller.TenantId, rules, caller.UserId, now, cancellationToken);
        await ValueTierRuleRows.LockForReplacementAsync(transaction, caller.TenantId, cancellationToken);
        var signals = await InteractionRows.RecentSignalsAsync(transaction, caller.TenantId, now - ValueTierFacts.PurchaseWindow, cancellationToken);
        var changed = 0;
        RecordCursor? after = null;
        List<Account> page;
        do
        {
            page = await AccountRows.ListAsync(connection, new AccountQuery(caller.TenantId, new ReadScope(true, caller.UserId, []), null, null,
                null, null, null, null, null, null, new Dictionary<string, CustomFieldValue>(), RecordOrder.ById, after,
                Paging.MaxPageSize), cancellationToken);
            foreach (var account in page.Where(a => a.ValueTierSource != ValueTierRules.Manual))
            {
                var facts = ValueTierFacts.Of(signals.GetValueOrDefault(account.Id) ?? [], now);
                var tiered = ValueTierRules.Apply(account, rules, facts);
                if (tiered != account)
                {
                    await derivation.WriteAsync(transaction, account, new DerivedAccount(tiered, PhaseChange.Manual), caller.UserId, now, cancellationToken);
                    changed++;
                }
            }

            after = page.Count > 0 ? new RecordCursor(page[^1].Id, null, null) : after;
        }
        while (page.Count == Paging.MaxPageSize);

        await transaction.CommitAsync(cancellationToken);
        InteractionsLog.TierRulesReplaced(logger, caller.TenantId, rules.Count, changed);
        var saved = new ValueTierRuleSet(rules, now, version);
        cache.Remember(caller.TenantId, saved);
        return saved;
    }
}
