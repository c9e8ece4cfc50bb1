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
    /// Names of records the caller may not read are withheld. <paramref name="existing"/> holds every record sharing the
    /// candidate's email or phone, or more than <see cref="SharedDetails.MaxHolders"/> of them (a detail that many
    /// share is no evidence).
    /// </summary>
    public static IReadOnlyList<DuplicateCandidate> Find(Caller caller, PartyProfile candidate, IReadOnlyCollection<ExistingParty> existing)
    {
        var compared = SharedDetails.Among(existing.Select(party => party.Profile).ToList()).Without(candidate);
        var scored = existing
            .Select(party => (Party: party, Match: DuplicateScorer.Score(compared, party.Profile)))
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
