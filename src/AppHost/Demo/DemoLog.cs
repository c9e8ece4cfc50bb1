using Microsoft.Extensions.Logging;

namespace CrmPlatform.AppHost.Demo;

internal static partial class DemoLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "demo: loading {Accounts} accounts into tenant '{Tenant}' through the Customers API")]
    public static partial void Seeding(ILogger logger, string tenant, int accounts);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "demo: {Count} custom fields ({Created} new)")]
    public static partial void CustomFields(ILogger logger, int count, int created);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "demo: {Accounts} accounts, {Contacts} contacts")]
    public static partial void Accounts(ILogger logger, int accounts, int contacts);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information,
        Message = "demo: {Relationships} relationships, {Consents} consent entries, {Surveys} commitment surveys ({Created} of them new or changed)")]
    public static partial void Profiles(ILogger logger, int relationships, int consents, int surveys, int created);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "demo: {Interactions} interactions ({Repeated} flagged as repeated contact)")]
    public static partial void Interactions(ILogger logger, int interactions, int repeated);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "demo: {Count} value-tier rules ({State})")]
    public static partial void ValueTierRules(ILogger logger, int count, string state);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "demo: duplicate scan found {Accounts} groups of accounts and {Contacts} of contacts")]
    public static partial void DuplicateGroups(ILogger logger, int accounts, int contacts);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information,
        Message = "demo: {Accounts} accounts, {Contacts} contacts, {Interactions} interactions in tenant '{Tenant}' ({Seconds:0.0} s)")]
    public static partial void Done(ILogger logger, int accounts, int contacts, int interactions, string tenant, double seconds);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "demo: loading the demo data failed at {Step}: {Reason}. The platform keeps running; run with --demo again to finish")]
    public static partial void Failed(ILogger logger, string step, string reason);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "demo: {Step}: {Done} of {Total} accounts")]
    public static partial void Progress(ILogger logger, string step, int done, int total);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "demo: {Resource} is not started (--only), so there is no demo data to load")]
    public static partial void NotStarted(ILogger logger, string resource);
}
