using Microsoft.Extensions.Logging;

namespace CrmPlatform.Customers.Application;

/// <summary>Structured log events of the Customers service (ids only: no personal data in logs).</summary>
internal static partial class CustomersLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Created {ResourceName} in tenant {TenantId} for {UserId}")]
    public static partial void Created(ILogger logger, string resourceName, string tenantId, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Updated {ResourceName} to version {Version}: {Fields}")]
    public static partial void Updated(ILogger logger, string resourceName, long version, string fields);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {ResourceName} in tenant {TenantId}")]
    public static partial void Deleted(ILogger logger, string resourceName, string tenantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Create of a {ResourceType} refused as a probable duplicate of {Candidates}")]
    public static partial void ProbableDuplicate(ILogger logger, string resourceType, string candidates);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request {RequestId} repeated: returning {ResourceName}")]
    public static partial void RequestRepeated(ILogger logger, Guid requestId, string resourceName);
}
