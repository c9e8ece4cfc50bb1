namespace CrmPlatform.Customers.Domain;

/// <summary>
/// The pairs of names in a block whose trigram sets (pg_trgm's <c>show_trgm</c> of the name keys) are at least half
/// alike, as pg_trgm's <c>%</c> decides at similarity threshold 0.5: shared / (|a| + |b| - shared) ≥ 0.5, that is
/// 3 × shared ≥ |a| + |b|. (pg_trgm's default 0.3 lets through far more pairs than ever reach Jaro-Winkler 0.85 in
/// <see cref="DuplicateScorer"/>; "jon smith" and "john smith" are 0.62.) Shared trigrams are counted through an index
/// of the names seen so far, so a block costs the sum over its trigrams of their frequency squared, in memory, instead
/// of one index lookup in the database per name.
/// </summary>
public static class TrigramJoin
{
    /// <param name="trigramSets">Each name's distinct trigrams; a name without any is like no other (as in pg_trgm).</param>
    /// <returns>The similar pairs as (earlier index, later index).</returns>
    public static IEnumerable<(int First, int Second)> SimilarPairs(IReadOnlyList<IReadOnlyList<string>> trigramSets)
    {
        var trigramIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var namesWithTrigram = new List<List<int>>();
        var shared = new int[trigramSets.Count];
        var sharing = new List<int>();
        for (var current = 0; current < trigramSets.Count; current++)
        {
            foreach (var trigram in trigramSets[current])
            {
                if (!trigramIds.TryGetValue(trigram, out var id))
                {
                    id = trigramIds[trigram] = namesWithTrigram.Count;
                    namesWithTrigram.Add([]);
                }

                foreach (var earlier in namesWithTrigram[id])
                {
                    if (shared[earlier]++ == 0)
                    {
                        sharing.Add(earlier);
                    }
                }

                namesWithTrigram[id].Add(current);
            }

            foreach (var earlier in sharing)
            {
                if (3 * shared[earlier] >= trigramSets[current].Count + trigramSets[earlier].Count)
                {
                    yield return (earlier, current);
                }

                shared[earlier] = 0;
            }

            sharing.Clear();
        }
    }
}
