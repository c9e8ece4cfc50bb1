using CrmPlatform.Customers.Application;
using CrmPlatform.Customers.Domain;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Grpc;

/// <summary>Maps a page of duplicate groups to ListDuplicateGroupsResponse.</summary>
internal static class DuplicateGroupMapping
{
    public static Proto.ListDuplicateGroupsResponse ToProto(DuplicateGroupsPage page) => new()
    {
        Groups =
        {
            page.Groups.Select(group => new Proto.DuplicateGroup
            {
                Score = group.Score,
                RecordType = group.Kind == RecordKind.Account ? Proto.RecordType.Account : Proto.RecordType.Contact,
                Members =
                {
                    group.Members.Select(member => new Proto.DuplicateCandidate
                    {
                        Name = member.ResourceName,
                        DisplayName = member.DisplayName ?? "",
                        Score = member.Match.Score,
                        MatchedFields = { member.Match.MatchedFields },
                    }),
                },
            }),
        },
        ScanTime = page.ScanTime is { } time ? Fields.Time(time) : null,
        NextPageToken = page.NextPageToken ?? "",
    };
}
