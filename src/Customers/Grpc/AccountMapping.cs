using CrmPlatform.Customers.Application;
using CrmPlatform.Customers.Domain;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Grpc;

/// <summary>Maps account messages to validated domain input and back.</summary>
internal static class AccountMapping
{
    private static readonly string[] Updatable =
        ["kind", "display_name", "email", "phone", "domain", "owner_user_id", "team", "tags", "phase", "phase_override", "value_tier", AddressMapping.Path, CustomFieldMapping.Path];

    public static Proto.Account ToProto(Account account) => new()
    {
        Name = account.ResourceName,
        Kind = (Proto.AccountKind)account.Kind,
        DisplayName = account.DisplayName,
        Email = account.Email ?? "",
        Phone = account.Phone ?? "",
        Domain = account.Domain ?? "",
        OwnerUserId = account.Ownership.OwnerUserId,
        Team = account.Ownership.Team,
        Tags = { account.Tags },
        Phase = (Proto.RelationshipPhase)account.Phase,
        TenantId = account.TenantId,
        Etag = account.Etag,
        CreateTime = Fields.Time(account.CreatedAt),
        UpdateTime = Fields.Time(account.UpdatedAt),
        CustomFields = { CustomFieldMapping.ToProto(account.CustomFields) },
        Address = AddressMapping.ToProto(account.Address),
        Commitment = account.Commitment is { } commitment ? ToProto(commitment) : null,
        ValueTier = (Proto.ValueTier)(account.ValueTier ?? 0),
        PhaseOverride = account.PhaseOverride,
        ValueTierSource = account.ValueTierSource ?? "",
        MergedNames = { account.MergedIds.Select(id => Account.ResourcePrefix + id) },
    };

    public static CommitmentAnswers ToAnswers(Proto.CommitmentAnswers? answers) =>
        answers is null
            ? throw new InvalidFieldException("answers", "are required.")
            : new CommitmentAnswers(answers.IsCustomer, answers.Satisfaction, answers.Involvement, answers.AlternativeAppeal, answers.Difference);

    public static NewAccount ToNewAccount(Proto.Account? account, PhoneNumbers phones)
    {
        if (account is null)
        {
            throw new InvalidFieldException("account", "is required.");
        }

        return new NewAccount(
            Kind(account.Kind) ?? throw new InvalidFieldException("account.kind", "is required: company, consumer or household."),
            TextRules.RequiredName(account.DisplayName, "account.display_name"),
            EmailAddresses.Normalize(account.Email, "account.email"),
            phones.Normalize(account.Phone, "account.phone"),
            WebDomains.Normalize(account.Domain, "account.domain"),
            Fields.Owner(account.OwnerUserId, "account.owner_user_id"),
            Fields.Team(account.Team, "account.team"),
            Fields.Tags(account.Tags, "account.tags"),
            Phase(account.Phase),
            CustomFieldMapping.ToInputs(account.CustomFields),
            AddressMapping.ToDomain(account.Address, "account.address"),
            Tier(account.ValueTier, "account.value_tier"));
    }

    /// <summary>Validates the masked fields now and returns the change to apply to the current account.</summary>
    public static RecordChange<Account> ToChange(Proto.UpdateAccountRequest request, PhoneNumbers phones)
    {
        var input = request.Account ?? throw new InvalidFieldException("account", "is required.");
        var changes = new List<Func<Account, Account>>();
        var paths = Fields.Paths(request.UpdateMask, Populated(input).Concat(CustomFieldMapping.PopulatedPaths(input.CustomFields)), Updatable);
        foreach (var path in paths.Where(p => !CustomFieldMapping.IsCustomFieldPath(p)))
        {
            var field = "account." + path;
            changes.Add(path switch
            {
                "kind" => Set(Kind(input.Kind) ?? throw new InvalidFieldException(field, "must be company, consumer or household."),
                    (a, v) => a with { Kind = v }),
                "display_name" => Set(TextRules.RequiredName(input.DisplayName, field), (a, v) => a with { DisplayName = v }),
                "email" => Set(EmailAddresses.Normalize(input.Email, field), (a, v) => a with { Email = v }),
                "phone" => Set(phones.Normalize(input.Phone, field), (a, v) => a with { Phone = v }),
                "domain" => Set(WebDomains.Normalize(input.Domain, field), (a, v) => a with { Domain = v }),
                "owner_user_id" => Set(Fields.RequiredOwner(input.OwnerUserId, field),
                    (a, v) => a with { Ownership = a.Ownership with { OwnerUserId = v } }),
                "team" => Set(Fields.Team(input.Team, field) ?? "", (a, v) => a with { Ownership = a.Ownership with { Team = v } }),
                "tags" => Set(Fields.Tags(input.Tags, field), (a, v) => a with { Tags = v }),
                AddressMapping.Path => Set(AddressMapping.ToDomain(input.Address, field), (a, v) => a with { Address = v }),
                "value_tier" => Set(Tier(input.ValueTier, field),
                    (a, v) => a with { ValueTier = v, ValueTierSource = v is null ? null : ValueTierRules.Manual }),
                "phase_override" => Set(input.PhaseOverride, (a, v) => a with { PhaseOverride = v }),
                _ => Set(Phase(input.Phase) ?? throw new InvalidFieldException(field, "must be a relationship phase."),
                    (a, v) => a with { Phase = v, PhaseOverride = true }),
            });
        }

        return CustomFieldMapping.Change<Account>(
            account => changes.Aggregate(account, (current, change) => change(current)), paths, input.CustomFields);
    }

    public static AccountFilters ToFilters(Proto.ListAccountsRequest request) => new(
        Fields.Filter(request.OwnerUserId, "owner_user_id"),
        Fields.Filter(request.Team, "team"),
        Fields.Filter(request.Tag, "tag")?.ToLowerInvariant(),
        Phase(request.Phase),
        Kind(request.Kind),
        Segment(request.CommitmentSegment),
        Tier(request.ValueTier, "value_tier"),
        Fields.Search(request.Query),
        CustomFieldMapping.ToInputs(request.CustomFields),
        RecordOrder.Parse(request.OrderBy, Account.SortKeys));

    private static IEnumerable<string> Populated(Proto.Account input)
    {
        if (input.Kind != Proto.AccountKind.Unspecified) yield return "kind";
        if (input.DisplayName.Length > 0) yield return "display_name";
        if (input.Email.Length > 0) yield return "email";
        if (input.Phone.Length > 0) yield return "phone";
        if (input.Domain.Length > 0) yield return "domain";
        if (input.OwnerUserId.Length > 0) yield return "owner_user_id";
        if (input.Team.Length > 0) yield return "team";
        if (input.Tags.Count > 0) yield return "tags";
        if (input.Address is not null) yield return AddressMapping.Path;
        if (input.ValueTier != Proto.ValueTier.Unspecified) yield return "value_tier";
        if (input.PhaseOverride) yield return "phase_override";
        if (input.Phase != Proto.RelationshipPhase.Unspecified) yield return "phase";
    }

    private static Func<Account, Account> Set<T>(T value, Func<Account, T, Account> apply) => account => apply(account, value);

    private static AccountKind? Kind(Proto.AccountKind kind) => kind switch
    {
        Proto.AccountKind.Company => AccountKind.Company,
        Proto.AccountKind.Consumer => AccountKind.Consumer,
        Proto.AccountKind.Household => AccountKind.Household,
        Proto.AccountKind.Unspecified => null,
        _ => throw new InvalidFieldException("account.kind", $"{(int)kind} is not an account kind."),
    };

    private static Proto.Commitment ToProto(Commitment commitment) => new()
    {
        Answers = new Proto.CommitmentAnswers
        {
            IsCustomer = commitment.Answers.IsCustomer,
            Satisfaction = commitment.Answers.Satisfaction,
            Involvement = commitment.Answers.Involvement,
            AlternativeAppeal = commitment.Answers.AlternativeAppeal,
            Difference = commitment.Answers.Difference,
        },
        Score = commitment.Score,
        Segment = (Proto.CommitmentSegment)commitment.Segment,
        Committed = commitment.IsCommitted,
    };

    private static ValueTier? Tier(Proto.ValueTier tier, string field) =>
        tier == Proto.ValueTier.Unspecified ? null
        : Enum.IsDefined((ValueTier)tier) ? (ValueTier)tier
        : throw new InvalidFieldException(field, $"{(int)tier} is not a value tier.");

    private static CommitmentSegment? Segment(Proto.CommitmentSegment segment) =>
        segment == Proto.CommitmentSegment.Unspecified ? null
        : Enum.IsDefined((CommitmentSegment)segment) ? (CommitmentSegment)segment
        : throw new InvalidFieldException("commitment_segment", $"{(int)segment} is not a commitment segment.");

    private static RelationshipPhase? Phase(Proto.RelationshipPhase phase) =>
        phase == Proto.RelationshipPhase.Unspecified ? null
        : Enum.IsDefined((RelationshipPhase)phase) ? (RelationshipPhase)phase
        : throw new InvalidFieldException("phase", $"{(int)phase} is not a relationship phase.");
}
