using CrmPlatform.Customers.Domain;
using Google.Protobuf.Collections;

namespace CrmPlatform.Customers.Grpc;

/// <summary>Maps MergeAccounts and MergeContacts requests to a validated <see cref="MergeRequest"/>.</summary>
internal static class MergeMapping
{
    public static MergeRequest ToRequest(
        RecordKind kind, string survivor, RepeatedField<string> merged, MapField<string, string> fieldSources, string etag)
    {
        var prefix = kind == RecordKind.Account ? Account.ResourcePrefix : Contact.ResourcePrefix;
        var survivorId = ResourceNames.Parse(survivor, prefix, "survivor");
        var mergedIds = merged.Select(name => ResourceNames.Parse(name, prefix, "merged")).ToList();
        var sources = fieldSources.ToDictionary(
            source => source.Key,
            source => ResourceNames.Parse(source.Value, prefix, "field_sources." + source.Key),
            StringComparer.Ordinal);
        return MergePlan.Validate(kind, survivorId, mergedIds, sources, etag);
    }
}
