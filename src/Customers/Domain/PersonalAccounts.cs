namespace CrmPlatform.Customers.Domain;

/// <summary>
/// When an account is the person: a consumer account, or a household with no other members, named after them (a
/// similar name, their family name among its words, or their email or phone). Erasing the person erases such an
/// account's personal fields too.
/// </summary>
public static class PersonalAccounts
{
    /// <summary>What an erased account is called from then on.</summary>
    public const string ErasedDisplayName = "(erased)";

    private const double SimilarName = 0.85;

    public static bool IsNamedAfter(Account account, Contact person, bool hasOtherMembers)
    {
        if (account.Kind == AccountKind.Company || (account.Kind == AccountKind.Household && hasOtherMembers))
        {
            return false;
        }

        var accountWords = account.Profile.NameKey.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var familyWords = NameKeys.Of(person.FamilyName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return NameKeys.Similarity(account.Profile.NameKey, NameKeys.Of(person.FullName)) >= SimilarName
            || (familyWords.Length > 0 && familyWords.All(accountWords.Contains))
            || (account.Email is not null && string.Equals(account.Email, person.Email, StringComparison.OrdinalIgnoreCase))
            || (account.Phone is not null && account.Phone == person.Phone);
    }
}
