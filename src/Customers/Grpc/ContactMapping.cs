using CrmPlatform.Customers.Application;
using CrmPlatform.Customers.Domain;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Grpc;

/// <summary>Maps contact messages to validated domain input and back.</summary>
internal static class ContactMapping
{
    private static readonly string[] Updatable =
        ["account", "given_name", "family_name", "email", "phone", "job_title", "owner_user_id", "team", "tags", "preferred_channel", "contact_times", AddressMapping.Path,
        CustomFieldMapping.Path];

    public static Proto.Contact ToProto(Contact contact) => new()
    {
        Name = contact.ResourceName,
        Account = Account.ResourcePrefix + contact.AccountId,
        GivenName = contact.GivenName ?? "",
        FamilyName = contact.FamilyName ?? "",
        Email = contact.Email ?? "",
        Phone = contact.Phone ?? "",
        JobTitle = contact.JobTitle ?? "",
        OwnerUserId = contact.Ownership.OwnerUserId,
        Team = contact.Ownership.Team,
        Tags = { contact.Tags },
        TenantId = contact.TenantId,
        Etag = contact.Etag,
        CreateTime = Fields.Time(contact.CreatedAt),
        UpdateTime = Fields.Time(contact.UpdatedAt),
        CustomFields = { CustomFieldMapping.ToProto(contact.CustomFields) },
        Address = AddressMapping.ToProto(contact.Address),
        PreferredChannel = (Proto.ContactChannel)(contact.PreferredChannel ?? 0),
        ContactTimes = contact.ContactTimes is { } times ? ToProto(times) : null,
        MergedNames = { contact.MergedIds.Select(id => Contact.ResourcePrefix + id) },
    };

    public static NewContact ToNewContact(Proto.Contact? contact, PhoneNumbers phones)
    {
        if (contact is null)
        {
            throw new InvalidFieldException("contact", "is required.");
        }

        var givenName = TextRules.OptionalText(contact.GivenName, "contact.given_name");
        var familyName = TextRules.OptionalText(contact.FamilyName, "contact.family_name");
        EnsureNamed(givenName, familyName);
        return new NewContact(
            ResourceNames.Parse(contact.Account, Account.ResourcePrefix, "contact.account"),
            givenName,
            familyName,
            EmailAddresses.Normalize(contact.Email, "contact.email"),
            phones.Normalize(contact.Phone, "contact.phone"),
            TextRules.OptionalText(contact.JobTitle, "contact.job_title"),
            Fields.Owner(contact.OwnerUserId, "contact.owner_user_id"),
            Fields.Team(contact.Team, "contact.team"),
            Fields.Tags(contact.Tags, "contact.tags"),
            CustomFieldMapping.ToInputs(contact.CustomFields),
            AddressMapping.ToDomain(contact.Address, "contact.address"),
            Channel(contact.PreferredChannel, "contact.preferred_channel"),
            Times(contact.ContactTimes, "contact.contact_times"));
    }

    /// <summary>Validates the masked fields now and returns the change to apply to the current contact.</summary>
    public static RecordChange<Contact> ToChange(Proto.UpdateContactRequest request, PhoneNumbers phones)
    {
        var input = request.Contact ?? throw new InvalidFieldException("contact", "is required.");
        var changes = new List<Func<Contact, Contact>>();
        var paths = Fields.Paths(request.UpdateMask, Populated(input).Concat(CustomFieldMapping.PopulatedPaths(input.CustomFields)), Updatable);
        foreach (var path in paths.Where(p => !CustomFieldMapping.IsCustomFieldPath(p)))
        {
            var field = "contact." + path;
            changes.Add(path switch
            {
                "account" => Set(ResourceNames.Parse(input.Account, Account.ResourcePrefix, field), (c, v) => c with { AccountId = v }),
                "given_name" => Set(TextRules.OptionalText(input.GivenName, field), (c, v) => c with { GivenName = v }),
                "family_name" => Set(TextRules.OptionalText(input.FamilyName, field), (c, v) => c with { FamilyName = v }),
                "email" => Set(EmailAddresses.Normalize(input.Email, field), (c, v) => c with { Email = v }),
                "phone" => Set(phones.Normalize(input.Phone, field), (c, v) => c with { Phone = v }),
                "job_title" => Set(TextRules.OptionalText(input.JobTitle, field), (c, v) => c with { JobTitle = v }),
                "owner_user_id" => Set(Fields.RequiredOwner(input.OwnerUserId, field),
                    (c, v) => c with { Ownership = c.Ownership with { OwnerUserId = v } }),
                "team" => Set(Fields.Team(input.Team, field) ?? "", (c, v) => c with { Ownership = c.Ownership with { Team = v } }),
                "tags" => Set(Fields.Tags(input.Tags, field), (c, v) => c with { Tags = v }),
                "preferred_channel" => Set(Channel(input.PreferredChannel, field), (c, v) => c with { PreferredChannel = v }),
                "contact_times" => Set(Times(input.ContactTimes, field), (c, v) => c with { ContactTimes = v }),
                _ => Set(AddressMapping.ToDomain(input.Address, field), (c, v) => c with { Address = v }),
            });
        }

        return CustomFieldMapping.Change<Contact>(
            contact =>
            {
                var changed = changes.Aggregate(contact, (current, change) => change(current));
                EnsureNamed(changed.GivenName, changed.FamilyName);
                return changed;
            },
            paths,
            input.CustomFields);
    }

    public static ContactFilters ToFilters(Proto.ListContactsRequest request) => new(
        ResourceNames.ParseOptional(request.Account, Account.ResourcePrefix, "account"),
        Fields.Filter(request.OwnerUserId, "owner_user_id"),
        Fields.Filter(request.Team, "team"),
        Fields.Filter(request.Tag, "tag")?.ToLowerInvariant(),
        Fields.Search(request.Query),
        CustomFieldMapping.ToInputs(request.CustomFields),
        RecordOrder.Parse(request.OrderBy, Contact.SortKeys));

    private static ContactChannel? Channel(Proto.ContactChannel channel, string field) =>
        channel == Proto.ContactChannel.Unspecified ? null
        : Enum.IsDefined((ContactChannel)channel) ? (ContactChannel)channel
        : throw new InvalidFieldException(field, $"{(int)channel} is not a channel.");

    private static ContactTimes? Times(Proto.ContactTimes? times, string field) =>
        times is null
            ? null
            : ContactTimes.Create(times.TimeZone, times.Windows.Select(w => (w.DayOfWeek, w.StartTime, w.EndTime)).ToList(), field);

    private static Proto.ContactTimes ToProto(ContactTimes times) => new()
    {
        TimeZone = times.TimeZone,
        Windows =
        {
            times.Windows.Select(w => new Proto.ContactWindow
            {
                DayOfWeek = w.Day == DayOfWeek.Sunday ? 7 : (int)w.Day,
                StartTime = w.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                EndTime = w.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            }),
        },
    };

    private static void EnsureNamed(string? givenName, string? familyName)
    {
        if (givenName is null && familyName is null)
        {
            throw new InvalidFieldException("contact.given_name", "or contact.family_name is required.");
        }
    }

    private static IEnumerable<string> Populated(Proto.Contact input)
    {
        if (input.Account.Length > 0) yield return "account";
        if (input.GivenName.Length > 0) yield return "given_name";
        if (input.FamilyName.Length > 0) yield return "family_name";
        if (input.Email.Length > 0) yield return "email";
        if (input.Phone.Length > 0) yield return "phone";
        if (input.JobTitle.Length > 0) yield return "job_title";
        if (input.OwnerUserId.Length > 0) yield return "owner_user_id";
        if (input.Team.Length > 0) yield return "team";
        if (input.Tags.Count > 0) yield return "tags";
        if (input.Address is not null) yield return AddressMapping.Path;
        if (input.PreferredChannel != Proto.ContactChannel.Unspecified) yield return "preferred_channel";
        if (input.ContactTimes is not null) yield return "contact_times";
    }

    private static Func<Contact, Contact> Set<T>(T value, Func<Contact, T, Contact> apply) => contact => apply(contact, value);
}
