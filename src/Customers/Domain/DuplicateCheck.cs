using CrmPlatform.ServiceDefaults.Security;

namespace CrmPlatform.Customers.Domain;

/// <summary>An existing record as de-duplication sees it.</summary>
public sealed record ExistingParty(string ResourceName, string DisplayName, PartyProfile Profile, Ownership Ownership);

/// <summary>The create-time guard: a new record that probably duplicates an existing one needs the caller's confirmation.</summary>
public static class DuplicateCheck
{
    public const int MaxCandidates = 10;

    /// <summary>
    /// The possible duplicates of <paramref name="candidate"/> (best first) when at least one is probable, else none.
    /// Names of records the caller may not read are withheld.
    /// </summary>
    public static IReadOnlyList<DuplicateCandidate> Find(Caller caller, PartyProfile candidate, IEnumerable<ExistingParty> existing)
    {
        var scored = existing
            .Select(party => (Party: party, Match: DuplicateScorer.Score(candidate, party.Profile)))
            .Where(s => s.Match.IsPossible)
            .OrderByDescending(s => s.Match.Score)
            .Take(MaxCandidates)
            .ToList();
        if (!scored.Any(s => s.Match.IsProbable))
        {
            return [];
        }

        return scored
            .Select(s => new DuplicateCandidate(
                s.Party.ResourceName,
                AccessPolicy.CanRead(caller, s.Party.Ownership) ? s.Party.DisplayName : null,
                s.Match))
            .ToList();
    }
}
