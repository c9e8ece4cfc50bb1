using Microsoft.Extensions.Logging;

namespace CrmPlatform.Customers.Application;

/// <summary>Log events of de-duplication, merges and bulk imports.</summary>
internal static partial class CustomersLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Merged {MergedCount} records into {ResourceName} in tenant {TenantId}")]
    public static partial void Merged(ILogger logger, string resourceName, int mergedCount, string tenantId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Duplicate scan of tenant {TenantId}: {AccountGroups} account groups, {ContactGroups} contact groups")]
    public static partial void Scanned(ILogger logger, string tenantId, int accountGroups, int contactGroups);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Duplicate scan failed; the tenant is scanned again at the next periodic run")]
    public static partial void ScanFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Import {ImportName} batch done: {ProcessedRows} rows processed, {FailedRows} failed, {SkippedRows} skipped")]
    public static partial void ImportBatch(ILogger logger, string importName, int processedRows, int failedRows, int skippedRows);
}
