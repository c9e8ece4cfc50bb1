namespace CrmPlatform.Customers.Domain;

/// <summary>Two records of one kind that the scan scored as probably the same customer.</summary>
public sealed record DuplicatePair(Guid First, Guid Second, DuplicateMatch Match);

/// <summary>A member of a duplicate group, with the best score and evidence it has against another member.</summary>
public sealed record DuplicateGroupMember(Guid Id, DuplicateMatch BestMatch);

/// <summary>Records that probably describe one customer; <see cref="Score"/> is the highest pairwise score.</summary>
public sealed record DuplicateGroup(RecordKind Kind, double Score, IReadOnlyList<DuplicateGroupMember> Members);

/// <summary>
/// Joins probable duplicate pairs into groups (union-find: A~B and B~C make one group {A, B, C}), memory in the number
/// of pairs, not of records.
/// </summary>
public static class DuplicateGrouping
{
    /// <returns>The groups, highest score first (then oldest first member); members oldest first.</returns>
    public static IReadOnlyList<DuplicateGroup> Group(RecordKind kind, IEnumerable<DuplicatePair> pairs)
    {
        var parent = new Dictionary<Guid, Guid>();
        var best = new Dictionary<Guid, DuplicateMatch>();
        foreach (var pair in pairs.Where(p => p.Match.IsProbable))
        {
            Union(parent, pair.First, pair.Second);
            KeepBest(best, pair.First, pair.Match);
            KeepBest(best, pair.Second, pair.Match);
        }

        return parent.Keys
            .GroupBy(id => Root(parent, id))
            .Select(group => group.Order().Select(id => new DuplicateGroupMember(id, best[id])).ToList())
            .Select(members => new DuplicateGroup(kind, members.Max(m => m.BestMatch.Score), members))
            .OrderByDescending(g => g.Score)
            .ThenBy(g => g.Members[0].Id)
            .ToList();
    }

    private static void KeepBest(Dictionary<Guid, DuplicateMatch> best, Guid id, DuplicateMatch match)
    {
        if (!best.TryGetValue(id, out var current) || match.Score > current.Score)
        {
            best[id] = match;
        }
    }

    private static void Union(Dictionary<Guid, Guid> parent, Guid a, Guid b)
    {
        var rootA = Root(parent, a);
        var rootB = Root(parent, b);
        if (rootA != rootB)
        {
            parent[rootB] = rootA;
        }
    }

    private static Guid Root(Dictionary<Guid, Guid> parent, Guid id)
    {
        var root = id;
        while (parent.TryGetValue(root, out var up) && up != root)
        {
            root = up;
        }

        parent[root] = root;
        while (id != root)
        {
            var up = parent[id];
            parent[id] = root;
            id = up;
        }

        return root;
    }
}
