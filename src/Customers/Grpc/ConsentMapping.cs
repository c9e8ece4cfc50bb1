using CrmPlatform.Customers.Domain;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Grpc;

/// <summary>Maps consent ledger messages.</summary>
internal static class ConsentMapping
{
    public static ConsentPurpose PurposeOf(Proto.ConsentPurpose purpose) =>
        purpose != Proto.ConsentPurpose.Unspecified && Enum.IsDefined((ConsentPurpose)purpose)
            ? (ConsentPurpose)purpose
            : throw new InvalidFieldException("purpose", "is required: marketing_email, sms, phone or profiling.");

    public static Proto.ConsentRecord ToProto(ConsentRecord record) => new()
    {
        Contact = Contact.ResourcePrefix + record.ContactId,
        Purpose = (Proto.ConsentPurpose)record.Purpose,
        Granted = record.Granted,
        Source = record.Source,
        RecordedBy = record.RecordedBy,
        RecordTime = Fields.Time(record.RecordedAt),
    };
}
