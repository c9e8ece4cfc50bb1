using CrmPlatform.Customers.Application;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Grpc;

/// <summary>The crm.customers.v1.Customers API: validates and maps requests, the operations do the rest.</summary>
public sealed partial class CustomersService(
    AccountOperations accounts,
    ContactOperations contacts,
    HistoryOperations history,
    CustomFieldOperations customFields,
    RelationshipOperations relationships,
    ConsentOperations consents,
    PrivacyOperations privacy,
    PhoneNumbers phones,
    TimelineApi timeline,
    MergeAndImportApi mergeAndImport)
    : Proto.Customers.CustomersBase
{
    private static readonly IReadOnlyDictionary<string, CustomFieldInput> NoCustomFields = new Dictionary<string, CustomFieldInput>();

    public override async Task<Proto.Account> CreateAccount(Proto.CreateAccountRequest request, ServerCallContext context)
    {
        var input = AccountMapping.ToNewAccount(request.Account, phones);
        var options = new CreateOptions(ResourceNames.RequestId(request.RequestId), request.ConfirmNotDuplicate);
        return AccountMapping.ToProto(await accounts.CreateAsync(context.GetCaller(), input, options, context.CancellationToken));
    }

    public override async Task<Proto.Account> GetAccount(Proto.GetAccountRequest request, ServerCallContext context)
    {
        var id = ResourceNames.Parse(request.Name, Account.ResourcePrefix, "name");
        return AccountMapping.ToProto(await accounts.GetAsync(context.GetCaller(), id, context.CancellationToken));
    }

    public override async Task<Proto.BatchGetAccountsResponse> BatchGetAccounts(
        Proto.BatchGetAccountsRequest request, ServerCallContext context)
    {
        var ids = ResourceNames.ParseBatch(request.Names, Account.ResourcePrefix, "names");
        var found = await accounts.BatchGetAsync(context.GetCaller(), ids, context.CancellationToken);
        var response = new Proto.BatchGetAccountsResponse();
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i] is { } account)
            {
                response.Accounts.Add(AccountMapping.ToProto(account));
            }
            else
            {
                response.Missing.Add(request.Names[i]);
            }
        }

        return response;
    }

    public override async Task<Proto.Account> UpdateAccount(Proto.UpdateAccountRequest request, ServerCallContext context)
    {
        var id = ResourceNames.Parse(request.Account?.Name, Account.ResourcePrefix, "account.name");
        var change = AccountMapping.ToChange(request, phones);
        var updated = await accounts.UpdateAsync(context.GetCaller(), id, request.Account!.Etag, change, context.CancellationToken);
        return AccountMapping.ToProto(updated);
    }

    public override async Task<Proto.Account> RecordCommitmentAnswers(
        Proto.RecordCommitmentAnswersRequest request, ServerCallContext context)
    {
        var id = ResourceNames.Parse(request.Account, Account.ResourcePrefix, "account");
        var commitment = CommitmentRules.Assess(AccountMapping.ToAnswers(request.Answers), "answers");
        var change = new RecordChange<Account>(account => account with { Commitment = commitment }, NoCustomFields, ReplaceCustomFields: false);
        return AccountMapping.ToProto(await accounts.UpdateAsync(context.GetCaller(), id, request.Etag, change, context.CancellationToken));
    }

    public override async Task<Empty> DeleteAccount(Proto.DeleteAccountRequest request, ServerCallContext context)
    {
        var id = ResourceNames.Parse(request.Name, Account.ResourcePrefix, "name");
        await accounts.DeleteAsync(context.GetCaller(), id, request.Etag, context.CancellationToken);
        return new Empty();
    }

    public override async Task<Proto.ListAccountsResponse> ListAccounts(Proto.ListAccountsRequest request, ServerCallContext context)
    {
        var page = await accounts.ListAsync(
            context.GetCaller(), AccountMapping.ToFilters(request), request.PageSize, request.PageToken, context.CancellationToken);
        return new Proto.ListAccountsResponse
        {
            Accounts = { page.Items.Select(AccountMapping.ToProto) },
            NextPageToken = page.NextPageToken ?? "",
        };
    }

    public override async Task ExportAccounts(
        Proto.ExportAccountsRequest request, IServerStreamWriter<Proto.Account> responseStream, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var filters = AccountMapping.ToFilters(request.Filter ?? new Proto.ListAccountsRequest());
        await PagedExport.StreamAsync(
            cancellationToken => accounts.BeginExportAsync(caller, filters, cancellationToken),
            AccountMapping.ToProto, responseStream, context.CancellationToken);
    }

    public override async Task<Proto.Contact> CreateContact(Proto.CreateContactRequest request, ServerCallContext context)
    {
        var input = ContactMapping.ToNewContact(request.Contact, phones);
        var options = new CreateOptions(ResourceNames.RequestId(request.RequestId), request.ConfirmNotDuplicate,
            TextRules.OptionalText(request.ReconsentSource, "reconsent_source"));
        return ContactMapping.ToProto(await contacts.CreateAsync(context.GetCaller(), input, options, context.CancellationToken));
    }

    public override async Task<Proto.Contact> GetContact(Proto.GetContactRequest request, ServerCallContext context)
    {
        var id = ResourceNames.Parse(request.Name, Contact.ResourcePrefix, "name");
        return ContactMapping.ToProto(await contacts.GetAsync(context.GetCaller(), id, context.CancellationToken));
    }

    public override async Task<Proto.Contact> UpdateContact(Proto.UpdateContactRequest request, ServerCallContext context)
    {
        var id = ResourceNames.Parse(request.Contact?.Name, Contact.ResourcePrefix, "contact.name");
        var change = ContactMapping.ToChange(request, phones);
        var updated = await contacts.UpdateAsync(context.GetCaller(), id, request.Contact!.Etag, change, context.CancellationToken);
        return ContactMapping.ToProto(updated);
    }

    public override async Task<Proto.ListContactsResponse> ListContacts(Proto.ListContactsRequest request, ServerCallContext context)
    {
        var page = await contacts.ListAsync(
            context.GetCaller(), ContactMapping.ToFilters(request), request.PageSize, request.PageToken, context.CancellationToken);
        return new Proto.ListContactsResponse
        {
            Contacts = { page.Items.Select(ContactMapping.ToProto) },
            NextPageToken = page.NextPageToken ?? "",
        };
    }

    public override async Task ExportContacts(
        Proto.ExportContactsRequest request, IServerStreamWriter<Proto.Contact> responseStream, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var filters = ContactMapping.ToFilters(request.Filter ?? new Proto.ListContactsRequest());
        await PagedExport.StreamAsync(
            cancellationToken => contacts.BeginExportAsync(caller, filters, cancellationToken),
            ContactMapping.ToProto, responseStream, context.CancellationToken);
    }

    public override async Task<Proto.ListFieldChangesResponse> ListFieldChanges(
        Proto.ListFieldChangesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        Page<AuditEntry> page;
        if (request.Parent.StartsWith(Interaction.ResourcePrefix, StringComparison.Ordinal))
        {
            var interactionId = ResourceNames.Parse(request.Parent, Interaction.ResourcePrefix, "parent");
            page = await history.ListInteractionAsync(caller, interactionId, request.PageSize, request.PageToken, context.CancellationToken);
        }
        else
        {
            var (kind, id) = ResourceNames.ParseRecord(request.Parent, "parent");
            page = await history.ListAsync(caller, kind, id, request.PageSize, request.PageToken, context.CancellationToken);
        }

        return new Proto.ListFieldChangesResponse
        {
            Changes = { page.Items.Select(HistoryMapping.ToProto) },
            NextPageToken = page.NextPageToken ?? "",
        };
    }

    public override async Task<Proto.CustomFieldDefinition> CreateCustomFieldDefinition(
        Proto.CreateCustomFieldDefinitionRequest request, ServerCallContext context)
    {
        var input = request.Definition ?? throw new InvalidFieldException("definition", "is required.");
        var recordKind = CustomFieldMapping.RecordKindOf(input.RecordType, "definition.record_type")
            ?? throw new InvalidFieldException("definition.record_type", "is required: account or contact.");
        var definition = await customFields.DefineAsync(context.GetCaller(), recordKind, input.Key, input.DisplayName,
            CustomFieldMapping.TypeOf(input.Type), input.Choices, context.CancellationToken);
        return CustomFieldMapping.ToProto(definition);
    }

    public override async Task<Proto.ListCustomFieldDefinitionsResponse> ListCustomFieldDefinitions(
        Proto.ListCustomFieldDefinitionsRequest request, ServerCallContext context)
    {
        var definitions = await customFields.ListAsync(
            context.GetCaller(), CustomFieldMapping.RecordKindOf(request.RecordType, "record_type"), context.CancellationToken);
        return new Proto.ListCustomFieldDefinitionsResponse { Definitions = { definitions.Select(CustomFieldMapping.ToProto) } };
    }

    public override async Task<Proto.Relationship> CreateRelationship(Proto.CreateRelationshipRequest request, ServerCallContext context)
    {
        var input = request.Relationship ?? throw new InvalidFieldException("relationship", "is required.");
        var type = RelationshipMapping.TypeOf(input.Type);
        var contactId = ResourceNames.Parse(input.Contact, Contact.ResourcePrefix, "relationship.contact");
        var targetId = RelationshipMapping.TargetOf(type, input.Target);
        var description = TextRules.OptionalText(input.Description, "relationship.description");
        var relationship = await relationships.CreateAsync(
            context.GetCaller(), type, contactId, targetId, description, context.CancellationToken);
        return RelationshipMapping.ToProto(relationship);
    }

    public override async Task<Empty> DeleteRelationship(Proto.DeleteRelationshipRequest request, ServerCallContext context)
    {
        var id = ResourceNames.Parse(request.Name, Relationship.ResourcePrefix, "name");
        await relationships.DeleteAsync(context.GetCaller(), id, context.CancellationToken);
        return new Empty();
    }

    public override async Task<Proto.ListRelationshipsResponse> ListRelationships(
        Proto.ListRelationshipsRequest request, ServerCallContext context)
    {
        var (kind, id) = ResourceNames.ParseRecord(request.Parent, "parent");
        var listed = await relationships.ListAsync(context.GetCaller(), kind, id, context.CancellationToken);
        return new Proto.ListRelationshipsResponse { Relationships = { listed.Select(RelationshipMapping.ToProto) } };
    }

    public override async Task<Proto.ConsentRecord> RecordConsent(Proto.RecordConsentRequest request, ServerCallContext context)
    {
        var contactId = ResourceNames.Parse(request.Contact, Contact.ResourcePrefix, "contact");
        var purpose = ConsentMapping.PurposeOf(request.Purpose);
        var source = TextRules.OptionalText(request.Source, "source") ?? throw new InvalidFieldException("source", "is required.");
        var record = await consents.RecordAsync(context.GetCaller(), contactId, purpose, request.Granted, source, context.CancellationToken);
        return ConsentMapping.ToProto(record);
    }

    public override async Task<Proto.ListConsentsResponse> ListConsents(Proto.ListConsentsRequest request, ServerCallContext context)
    {
        var contactId = ResourceNames.Parse(request.Contact, Contact.ResourcePrefix, "contact");
        var ledger = await consents.LedgerAsync(context.GetCaller(), contactId, context.CancellationToken);
        return new Proto.ListConsentsResponse
        {
            Current = { ConsentRules.Current(ledger).Select(ConsentMapping.ToProto) },
            Ledger = { ledger.Select(ConsentMapping.ToProto) },
        };
    }

    public override async Task ExportPersonalData(
        Proto.ExportPersonalDataRequest request, IServerStreamWriter<Proto.PersonalDataItem> responseStream, ServerCallContext context)
    {
        var contactId = ResourceNames.Parse(request.Contact, Contact.ResourcePrefix, "contact");
        var export = await privacy.ExportAsync(context.GetCaller(), contactId, context.CancellationToken);
        var items = new[]
            {
                new Proto.PersonalDataItem { Contact = ContactMapping.ToProto(export.Contact) },
                new Proto.PersonalDataItem { Account = AccountMapping.ToProto(export.Account) },
            }
            .Concat(export.Relationships.Select(r => new Proto.PersonalDataItem { Relationship = RelationshipMapping.ToProto(r) }))
            .Concat(export.Consents.Select(c => new Proto.PersonalDataItem { Consent = ConsentMapping.ToProto(c) }))
            .Concat(export.History.Select(h => new Proto.PersonalDataItem { Change = HistoryMapping.ToProto(h) }))
            .Concat(export.Interactions.Select(i => new Proto.PersonalDataItem { Interaction = InteractionMapping.ToProto(i) }));
        foreach (var item in items)
        {
            await responseStream.WriteAsync(item, context.CancellationToken);
        }
    }

    public override async Task<Empty> ErasePersonalData(Proto.ErasePersonalDataRequest request, ServerCallContext context)
    {
        var contactId = ResourceNames.Parse(request.Contact, Contact.ResourcePrefix, "contact");
        await privacy.EraseAsync(context.GetCaller(), contactId, context.CancellationToken);
        return new Empty();
    }
}
