namespace CrmPlatform.Customers.Domain;

/// <summary>How strongly two profiles look like the same customer, and on what evidence.</summary>
public sealed record DuplicateMatch(double Score, IReadOnlyList<string> MatchedFields)
{
    public bool IsProbable => Score >= DuplicateScorer.ProbableThreshold;

    public bool IsPossible => Score >= DuplicateScorer.PossibleThreshold;
}

/// <summary>
/// Scores two profiles by combining independent evidence (a noisy-OR: 1 - Π(1 - e)): the same email (0.9), the same
/// phone (0.85), similar names (0.2 to 0.7 for Jaro-Winkler 0.85 to 1), a similar mailbox at the same domain (0.5; at a
/// free-mail provider 0.25, since millions of people have mailboxes there), and the same company domain when the names
/// are similar too (0.3). A shared company domain alone is no evidence: colleagues share it. So near names with near
/// mailboxes at gmail.com ("maria.lopez", "mario.lopez") are possible duplicates, not probable ones; the same name
/// with a near mailbox there is probable. Names or mailboxes that carry different numbers ("Acme Store 001" and
/// "Acme Store 002", "store001@" and "store002@") are no evidence however alike: numbered branches and units are
/// separate customers. Under names that clearly differ (similarity below 0.75: "Ann Lee" and "Bob Stone"), shared
/// contact details make a possible duplicate at most, never a probable one: colleagues share a switchboard, families a
/// phone or a mailbox. Names that may be the same person's ("M. Garcia", "Maria Garcia") leave them their full weight.
/// </summary>
public static class DuplicateScorer
{
    public const double ProbableThreshold = 0.75;
    public const double PossibleThreshold = 0.5;
    private const double SimilarName = 0.85;
    private const double ClearlyDifferentNames = 0.75;

    public static DuplicateMatch Score(PartyProfile candidate, PartyProfile existing)
    {
        var evidence = new List<(string Field, double Weight)>();
        var spelling = NameKeys.Similarity(candidate.NameKey, existing.NameKey);
        var nameSimilarity = NameKeys.CarryDifferentNumbers(candidate.NameKey, existing.NameKey) ? 0 : spelling;
        if (nameSimilarity >= SimilarName)
        {
            evidence.Add(("name", 0.2 + (nameSimilarity - SimilarName) / (1 - SimilarName) * 0.5));
        }

        var emailWeight = EmailEvidence(candidate.Email, existing.Email);
        if (emailWeight > 0)
        {
            evidence.Add(("email", emailWeight));
        }

        if (candidate.Phone is not null && candidate.Phone == existing.Phone)
        {
            evidence.Add(("phone", 0.85));
        }

        if (candidate.CompanyDomain is not null && candidate.CompanyDomain == existing.CompanyDomain && nameSimilarity >= SimilarName)
        {
            evidence.Add(("company_domain", 0.3));
        }

        var score = 1 - evidence.Aggregate(1.0, (remaining, e) => remaining * (1 - e.Weight));
        if (candidate.NameKey.Length > 0 && existing.NameKey.Length > 0 && spelling < ClearlyDifferentNames)
        {
            score = Math.Min(score, PossibleThreshold);
        }

        return new DuplicateMatch(Math.Round(score, 4), evidence.Select(e => e.Field).ToList());
    }

    private static double EmailEvidence(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return 0;
        }

        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return 0.9;
        }

        var domain = EmailAddresses.DomainOf(a);
        if (!string.Equals(domain, EmailAddresses.DomainOf(b), StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var (mailboxA, mailboxB) = (MailboxKey(a), MailboxKey(b));
        if (NameKeys.CarryDifferentNumbers(mailboxA, mailboxB))
        {
            return 0;
        }

        var similarity = JaroWinkler.Similarity(mailboxA, mailboxB);
        return similarity < 0.9 ? 0 : WebDomains.IsFreeMail(domain) ? 0.25 : 0.5;
    }

    private static string MailboxKey(string email) =>
        new(EmailAddresses.LocalPartOf(email).ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
}
