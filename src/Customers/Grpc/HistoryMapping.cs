using CrmPlatform.Customers.Domain;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Grpc;

/// <summary>Maps field-history entries.</summary>
internal static class HistoryMapping
{
    public static Proto.FieldChange ToProto(AuditEntry entry) => new()
    {
        Field = entry.Change.Field,
        OldValue = entry.Change.OldValue ?? "",
        NewValue = entry.Change.NewValue ?? "",
        ChangedBy = entry.ChangedBy,
        ChangeTime = Fields.Time(entry.ChangedAt),
        Version = entry.Version,
    };
}
