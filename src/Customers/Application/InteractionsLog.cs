using Microsoft.Extensions.Logging;

namespace CrmPlatform.Customers.Application;

/// <summary>Structured log events of contact management, phases and value tiers (ids only: no personal data in logs).</summary>
internal static partial class InteractionsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded {ResourceName} on {AccountName} (repeated contact: {RepeatedContact})")]
    public static partial void Recorded(ILogger logger, string resourceName, string accountName, bool repeatedContact);

    [LoggerMessage(Level = LogLevel.Information, Message = "Updated {ResourceName} to version {Version}: {Fields}")]
    public static partial void Updated(ILogger logger, string resourceName, long version, string fields);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact policy of tenant {TenantId}: window {Window}, threshold {Threshold}")]
    public static partial void PolicyChanged(ILogger logger, string tenantId, TimeSpan window, int threshold);

    [LoggerMessage(Level = LogLevel.Information, Message = "Value-tier rules of tenant {TenantId} replaced ({RuleCount} rules); {ChangedAccounts} accounts changed tier")]
    public static partial void TierRulesReplaced(ILogger logger, string tenantId, int ruleCount, int changedAccounts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Phase sweep at {Now}: {ChangedAccounts} accounts dissolved after inactivity")]
    public static partial void PhaseSweepDone(ILogger logger, DateTimeOffset now, int changedAccounts);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Value-tier aging at {Now}: {TenantCount} tenants with windowed rules, {ChangedAccounts} accounts changed tier")]
    public static partial void TierAgingDone(ILogger logger, DateTimeOffset now, int tenantCount, int changedAccounts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Derivation sweep failed; it runs again in {Interval}")]
    public static partial void DerivationSweepFailed(ILogger logger, Exception exception, TimeSpan interval);
}
