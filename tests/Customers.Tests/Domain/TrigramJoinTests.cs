using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Tests.Domain;

public sealed class TrigramJoinTests
{
    [Fact]
    public void Names_sharing_at_least_half_of_all_their_trigrams_pair_up_and_names_without_trigrams_never_do()
    {
        string[][] names =
        [
            ["  j", " jo", "joh"],
            ["  j", " jo", "jon"],
            ["  j", " ja", "jan"],
            [],
            [],
        ];

        Assert.Equal([(0, 1)], TrigramJoin.SimilarPairs(names));
    }

    [Fact]
    public void The_pairs_are_those_a_comparison_of_every_two_names_finds()
    {
        var random = new Random(7);
        var names = Enumerable.Range(0, 400)
            .Select(_ => Enumerable.Range(0, random.Next(0, 12)).Select(_ => ((char)('a' + random.Next(16))).ToString()).Distinct().ToArray())
            .ToList();

        var everyTwo = names.SelectMany((a, i) => names.Skip(i + 1).Select((b, j) => (First: i, Second: i + 1 + j, A: a, B: b)))
            .Where(p => p.A.Length > 0 && p.B.Length > 0 && Similarity(p.A, p.B) >= 0.5)
            .Select(p => (p.First, p.Second))
            .ToHashSet();

        var pairs = TrigramJoin.SimilarPairs(names).ToList();

        Assert.NotEmpty(everyTwo);
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        Assert.True(everyTwo.SetEquals(pairs));
    }

    /// <summary>pg_trgm's similarity: shared trigrams over all trigrams of either.</summary>
    private static double Similarity(string[] a, string[] b)
    {
        var shared = a.Intersect(b).Count();
        return (double)shared / (a.Length + b.Length - shared);
    }
}
