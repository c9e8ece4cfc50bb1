namespace CrmPlatform.Customers.Domain;

/// <summary>
/// A validated merge: the survivor, the records merged into it, and for each field the caller wants from another
/// record, that record's id. <see cref="Etag"/>, when set, must be the survivor's current one.
/// </summary>
public sealed record MergeRequest(Guid SurvivorId, IReadOnlyList<Guid> MergedIds, IReadOnlyDictionary<string, Guid> FieldSources, string? Etag)
{
    public IReadOnlyList<Guid> AllIds => [SurvivorId, .. MergedIds];
}

/// <summary>
/// How a survivor takes its fields from the records merged into it: a field listed in the request comes from the named
/// record (<c>custom_fields.&lt;key&gt;</c> per key: absent there means cleared), every other field keeps the
/// survivor's value, and the tags of all records are united.
/// </summary>
public static class MergePlan
{
    public const int MaxMerged = 20;

    private static readonly Dictionary<string, Func<Account, Account, Account>> AccountFields = new(StringComparer.Ordinal)
    {
        ["display_name"] = (a, from) => a with { DisplayName = from.DisplayName },
        ["email"] = (a, from) => a with { Email = from.Email },
        ["phone"] = (a, from) => a with { Phone = from.Phone },
        ["domain"] = (a, from) => a with { Domain = from.Domain },
        ["owner_user_id"] = (a, from) => a with { Ownership = a.Ownership with { OwnerUserId = from.Ownership.OwnerUserId } },
        ["team"] = (a, from) => a with { Ownership = a.Ownership with { Team = from.Ownership.Team } },
        ["address"] = (a, from) => a with { Address = from.Address },
        ["phase"] = (a, from) => a with { Phase = from.Phase, PhaseOverride = from.PhaseOverride },
        ["value_tier"] = (a, from) => a with { ValueTier = from.ValueTier, ValueTierSource = from.ValueTierSource },
        ["commitment"] = (a, from) => a with { Commitment = from.Commitment },
    };

    private static readonly Dictionary<string, Func<Contact, Contact, Contact>> ContactFields = new(StringComparer.Ordinal)
    {
        ["account"] = (c, from) => c with { AccountId = from.AccountId },
        ["given_name"] = (c, from) => c with { GivenName = from.GivenName },
        ["family_name"] = (c, from) => c with { FamilyName = from.FamilyName },
        ["email"] = (c, from) => c with { Email = from.Email },
        ["phone"] = (c, from) => c with { Phone = from.Phone },
        ["job_title"] = (c, from) => c with { JobTitle = from.JobTitle },
        ["owner_user_id"] = (c, from) => c with { Ownership = c.Ownership with { OwnerUserId = from.Ownership.OwnerUserId } },
        ["team"] = (c, from) => c with { Ownership = c.Ownership with { Team = from.Ownership.Team } },
        ["address"] = (c, from) => c with { Address = from.Address },
        ["preferred_channel"] = (c, from) => c with { PreferredChannel = from.PreferredChannel },
        ["contact_times"] = (c, from) => c with { ContactTimes = from.ContactTimes },
    };

    /// <summary>
    /// Checks the request's shape: at least one merged record, not the survivor, known field names, and sources among
    /// the merged records (or the survivor). The errors name the request field.
    /// </summary>
    public static MergeRequest Validate(
        RecordKind kind, Guid survivorId, IReadOnlyList<Guid> mergedIds, IReadOnlyDictionary<string, Guid> fieldSources, string? etag)
    {
        var merged = mergedIds.Distinct().ToList();
        if (merged.Count == 0)
        {
            throw new InvalidFieldException("merged", "is required: the records to merge into the survivor.");
        }

        if (merged.Count > MaxMerged)
        {
            throw new InvalidFieldException("merged", $"must list at most {MaxMerged} records.");
        }

        if (merged.Contains(survivorId))
        {
            throw new InvalidFieldException("merged", "must not contain the survivor.");
        }

        var prefix = kind == RecordKind.Account ? Account.ResourcePrefix : Contact.ResourcePrefix;
        foreach (var (field, source) in fieldSources)
        {
            var path = "field_sources." + field;
            if (!IsField(kind, field))
            {
                throw new InvalidFieldException(path, $"is not a field a merge can take; the fields are {string.Join(", ", FieldNames(kind))} "
                    + "and custom_fields.<key> (tags are always united).");
            }

            if (source != survivorId && !merged.Contains(source))
            {
                throw new InvalidFieldException(path, $"{prefix}{source} is not among the merged records.");
            }
        }

        return new MergeRequest(survivorId, merged, fieldSources, etag);
    }

    public static IEnumerable<string> FieldNames(RecordKind kind) =>
        kind == RecordKind.Account ? AccountFields.Keys : ContactFields.Keys;

    /// <summary>The custom field keys the request takes from other records.</summary>
    public static IEnumerable<string> CustomFieldKeys(MergeRequest request) =>
        request.FieldSources.Keys.Where(f => f.StartsWith(CustomFieldRules.AuditPrefix, StringComparison.Ordinal))
            .Select(f => f[CustomFieldRules.AuditPrefix.Length..]);

    /// <summary>Only accounts of one kind merge: a company is not a consumer.</summary>
    public static void EnsureSameKind(Account survivor, IEnumerable<Account> merged)
    {
        if (merged.FirstOrDefault(a => a.Kind != survivor.Kind) is { } other)
        {
            throw new InvalidFieldException("merged",
                $"{other.ResourceName} is a {Name(other.Kind)} and the survivor a {Name(survivor.Kind)}; only accounts of one kind merge.");
        }
    }

    /// <summary>
    /// Merged contacts' reporting lines become the survivor's, which can close a cycle ("A reports to B, B to the
    /// duplicate of A"): <paramref name="cycle"/> is the shortest such line after the merge, empty when there is none.
    /// </summary>
    public static void EnsureNoReportingCycle(Contact survivor, IReadOnlyList<Guid> cycle)
    {
        if (cycle.Count > 0)
        {
            var line = string.Join(" reports to ", cycle.Select(id => Contact.ResourcePrefix + id));
            throw new InvalidFieldException("merged",
                $"would make {survivor.ResourceName} report to itself: {line}. Delete one of these reports-to relationships first.");
        }
    }

    public static Account Merge(Account survivor, IReadOnlyList<Account> merged, MergeRequest request)
    {
        var sources = merged.Append(survivor).ToDictionary(a => a.Id);
        var result = Pick(survivor, request, AccountFields, sources);
        return result with
        {
            Tags = UnitedTags(merged.Prepend(survivor).Select(a => a.Tags)),
            CustomFields = PickCustomFields(survivor.CustomFields, request, id => sources[id].CustomFields),
            MergedIds = MergedIds(survivor.MergedIds, merged.Select(a => (a.Id, a.MergedIds))),
        };
    }

    public static Contact Merge(Contact survivor, IReadOnlyList<Contact> merged, MergeRequest request)
    {
        var sources = merged.Append(survivor).ToDictionary(c => c.Id);
        var result = Pick(survivor, request, ContactFields, sources);
        return result with
        {
            Tags = UnitedTags(merged.Prepend(survivor).Select(c => c.Tags)),
            CustomFields = PickCustomFields(survivor.CustomFields, request, id => sources[id].CustomFields),
            MergedIds = MergedIds(survivor.MergedIds, merged.Select(c => (c.Id, c.MergedIds))),
        };
    }

    private static bool IsField(RecordKind kind, string field) =>
        field.StartsWith(CustomFieldRules.AuditPrefix, StringComparison.Ordinal)
            ? field.Length > CustomFieldRules.AuditPrefix.Length
            : FieldNames(kind).Contains(field, StringComparer.Ordinal);

    private static T Pick<T>(T survivor, MergeRequest request, Dictionary<string, Func<T, T, T>> fields, Dictionary<Guid, T> sources) =>
        request.FieldSources
            .Where(s => fields.ContainsKey(s.Key))
            .Aggregate(survivor, (record, source) => fields[source.Key](record, sources[source.Value]));

    private static IReadOnlyDictionary<string, CustomFieldValue> PickCustomFields(
        IReadOnlyDictionary<string, CustomFieldValue> survivor, MergeRequest request, Func<Guid, IReadOnlyDictionary<string, CustomFieldValue>> valuesOf)
    {
        var picked = request.FieldSources
            .Where(s => s.Key.StartsWith(CustomFieldRules.AuditPrefix, StringComparison.Ordinal))
            .ToDictionary(s => s.Key[CustomFieldRules.AuditPrefix.Length..], s => valuesOf(s.Value).GetValueOrDefault(s.Key[CustomFieldRules.AuditPrefix.Length..]));
        return CustomFieldRules.Apply(survivor, picked);
    }

    private static IReadOnlyList<string> UnitedTags(IEnumerable<IReadOnlyList<string>> tags) =>
        TextRules.Tags(tags.SelectMany(t => t), "tags");

    /// <summary>The survivor keeps resolving every name merged into it before, and those of the records merged now.</summary>
    private static IReadOnlyList<Guid> MergedIds(IReadOnlyList<Guid> survivor, IEnumerable<(Guid Id, IReadOnlyList<Guid> MergedIds)> merged) =>
        survivor.Concat(merged.SelectMany(m => m.MergedIds.Prepend(m.Id))).Distinct().ToList();

    private static string Name(AccountKind kind) => kind.ToString().ToLowerInvariant();
}
