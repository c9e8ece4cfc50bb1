namespace CrmPlatform.Customers.Domain;

/// <summary>
/// Hofmeyr's commitment segments. Customers are committed (entrenched, average) or uncommitted (shallow, convertible);
/// non-customers, by their commitment to their current brand, are strongly or weakly unavailable, ambivalent or
/// available to us.
/// </summary>
public enum CommitmentSegment
{
    Entrenched = 1,
    Average = 2,
    Shallow = 3,
    Convertible = 4,
    StronglyUnavailable = 5,
    WeaklyUnavailable = 6,
    Ambivalent = 7,
    Available = 8,
}

/// <summary>
/// Answers to Hofmeyr's four questions, each 1 (not at all) to 5 (very): how happy the person is with the brand they
/// use (ours for a customer, their current one otherwise), how much they care about that relationship, how much another
/// brand appeals to them, and how different they find the two.
/// </summary>
public sealed record CommitmentAnswers(bool IsCustomer, int Satisfaction, int Involvement, int AlternativeAppeal, int Difference);

/// <summary>The assessed commitment: a 0 to 100 score and the segment it places the account in.</summary>
public sealed record Commitment(CommitmentAnswers Answers, int Score, CommitmentSegment Segment)
{
    public bool IsCommitted => Segment is CommitmentSegment.Entrenched or CommitmentSegment.Average;
}

/// <summary>
/// Scores commitment to the brand in use: satisfaction weighs 35 %, involvement 25 %, the (lack of) appeal of
/// alternatives 25 % and the perceived difference 15 %. A score of 75 or more is strong, 50 to 74 moderate, 35 to 49 weak,
/// below 35 none — for a customer: entrenched, average, shallow, convertible; for a non-customer, whose commitment is to
/// another brand: strongly unavailable, weakly unavailable, ambivalent, available.
/// </summary>
public static class CommitmentRules
{
    public const int MinAnswer = 1;
    public const int MaxAnswer = 5;

    public static Commitment Assess(CommitmentAnswers answers, string field)
    {
        Check(answers.Satisfaction, $"{field}.satisfaction");
        Check(answers.Involvement, $"{field}.involvement");
        Check(answers.AlternativeAppeal, $"{field}.alternative_appeal");
        Check(answers.Difference, $"{field}.difference");
        var weighted = 0.35 * Scale(answers.Satisfaction) + 0.25 * Scale(answers.Involvement)
            + 0.25 * (1 - Scale(answers.AlternativeAppeal)) + 0.15 * Scale(answers.Difference);
        var score = (int)Math.Round(100 * weighted, MidpointRounding.AwayFromZero);
        var band = score >= 75 ? 0 : score >= 50 ? 1 : score >= 35 ? 2 : 3;
        var segment = answers.IsCustomer
            ? (CommitmentSegment)((int)CommitmentSegment.Entrenched + band)
            : (CommitmentSegment)((int)CommitmentSegment.StronglyUnavailable + band);
        return new Commitment(answers, score, segment);
    }

    private static double Scale(int answer) => (answer - MinAnswer) / (double)(MaxAnswer - MinAnswer);

    private static void Check(int answer, string field)
    {
        if (answer is < MinAnswer or > MaxAnswer)
        {
            throw new InvalidFieldException(field, $"must be from {MinAnswer} to {MaxAnswer}.");
        }
    }
}
