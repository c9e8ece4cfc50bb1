using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Tests.Domain;

public sealed class DuplicateGroupingTests
{
    private static readonly Guid A = Id(1), B = Id(2), C = Id(3), D = Id(4), E = Id(5);

    [Fact]
    public void Pairs_sharing_a_record_join_one_group_and_separate_pairs_stay_apart()
    {
        var groups = DuplicateGrouping.Group(RecordKind.Contact,
            [Pair(C, B, 0.8), Pair(A, B, 0.95), Pair(D, E, 0.9)]);

        Assert.Equal(2, groups.Count);
        Assert.Equal([A, B, C], groups[0].Members.Select(m => m.Id));
        Assert.Equal(0.95, groups[0].Score);
        Assert.Equal([D, E], groups[1].Members.Select(m => m.Id));
    }

    [Fact]
    public void Each_member_carries_its_best_match_and_pairs_below_probable_are_ignored()
    {
        var groups = DuplicateGrouping.Group(RecordKind.Account, [Pair(A, B, 0.95), Pair(B, C, 0.8), Pair(D, E, 0.6)]);

        var group = Assert.Single(groups);
        Assert.Equal([0.95, 0.95, 0.8], group.Members.Select(m => m.BestMatch.Score));
    }

    [Fact]
    public void A_long_chain_of_pairs_is_one_group()
    {
        var ids = Enumerable.Range(0, 50_000).Select(_ => Guid.CreateVersion7()).ToList();

        var groups = DuplicateGrouping.Group(RecordKind.Account, ids.Skip(1).Select((id, i) => Pair(id, ids[i], 0.9)));

        Assert.Equal(50_000, Assert.Single(groups).Members.Count);
    }

    private static Guid Id(int n) => Guid.Parse($"0199a000-0000-7000-8000-{n:D12}");

    private static DuplicatePair Pair(Guid first, Guid second, double score) => new(first, second, new DuplicateMatch(score, ["email"]));
}
