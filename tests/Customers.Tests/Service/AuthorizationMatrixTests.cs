using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

/// <summary>
/// Every RPC × role × record relation. The caller is in team "north". Relations: "own" (owned by the caller, in team
/// "east"), "team" (another owner, team "north"), "other" (another owner, team "south"), "tenant" (another tenant's).
/// Tenant settings (contact policy, value-tier rules, custom field definitions) have two relations: "own" (the caller's
/// tenant) and "tenant" (another tenant's).
/// Expected: OK, PD (PERMISSION_DENIED), NF (NOT_FOUND); for List and Export, "seen" or "hidden" (or PD for the whole call);
/// for BatchGet, "found" or "missing" (or PD for the whole call).
/// <see cref="Every_rpc_of_the_Customers_service_has_a_row_in_the_matrix"/> keeps the rows complete.
/// </summary>
[Collection(CustomersServerCollection.Name)]
public sealed class AuthorizationMatrixTests(CustomersServer server)
{
    private const string NoRole = "none";
    private static readonly string[] Relations = ["own", "team", "other", "tenant"];
    private static readonly string[] TenantRelations = ["own", "tenant"];

    /// <summary>A value no tenant has unless the test stores it: a custom field key, a value-tier rule's tag.</summary>
    private const string Marker = "matrix_marker";

    /// <summary>A repeated-contact threshold other than the default (1).</summary>
    private const int MarkerThreshold = 5;

    private static readonly Dictionary<string, string[]> Read = new()
    {
        [Roles.Admin] = ["OK", "OK", "OK", "NF"],
        [Roles.SalesManager] = ["OK", "OK", "PD", "NF"],
        [Roles.SalesRep] = ["OK", "OK", "PD", "NF"],
        [Roles.ServiceAgent] = ["OK", "OK", "OK", "NF"],
        [Roles.Analyst] = ["OK", "OK", "OK", "NF"],
        [Roles.Marketer] = ["OK", "OK", "OK", "NF"],
        [NoRole] = ["PD", "PD", "PD", "NF"],
    };

    private static readonly Dictionary<string, string[]> Write = new()
    {
        [Roles.Admin] = ["OK", "OK", "OK", "NF"],
        [Roles.SalesManager] = ["OK", "OK", "PD", "NF"],
        [Roles.SalesRep] = ["OK", "OK", "PD", "NF"],
        [Roles.ServiceAgent] = ["PD", "PD", "PD", "NF"],
        [Roles.Analyst] = ["PD", "PD", "PD", "NF"],
        [Roles.Marketer] = ["PD", "PD", "PD", "NF"],
        [NoRole] = ["PD", "PD", "PD", "NF"],
    };

    private static readonly Dictionary<string, string[]> List = new()
    {
        [Roles.Admin] = ["seen", "seen", "seen", "hidden"],
        [Roles.SalesManager] = ["seen", "seen", "hidden", "hidden"],
        [Roles.SalesRep] = ["seen", "seen", "hidden", "hidden"],
        [Roles.ServiceAgent] = ["seen", "seen", "seen", "hidden"],
        [Roles.Analyst] = ["seen", "seen", "seen", "hidden"],
        [Roles.Marketer] = ["seen", "seen", "seen", "hidden"],
        [NoRole] = ["PD", "PD", "PD", "PD"],
    };

    /// <summary>
    /// Reading a batch of names: each record is either returned ("found") or its name is listed in missing ("missing"),
    /// the same for a record the caller may not read as for one that does not exist; a caller with no role is refused.
    /// </summary>
    private static readonly Dictionary<string, string[]> BatchRead = new()
    {
        [Roles.Admin] = ["found", "found", "found", "missing"],
        [Roles.SalesManager] = ["found", "found", "missing", "missing"],
        [Roles.SalesRep] = ["found", "found", "missing", "missing"],
        [Roles.ServiceAgent] = ["found", "found", "found", "missing"],
        [Roles.Analyst] = ["found", "found", "found", "missing"],
        [Roles.Marketer] = ["found", "found", "found", "missing"],
        [NoRole] = ["PD", "PD", "PD", "PD"],
    };

    /// <summary>Adding a contact (owned by the caller) to an account: needs write rights and a readable account.</summary>
    private static readonly Dictionary<string, string[]> AddContact = new()
    {
        [Roles.Admin] = ["OK", "OK", "OK", "NF"],
        [Roles.SalesManager] = ["OK", "OK", "PD", "NF"],
        [Roles.SalesRep] = ["OK", "OK", "PD", "NF"],
        [Roles.ServiceAgent] = ["PD", "PD", "PD", "PD"],
        [Roles.Analyst] = ["PD", "PD", "PD", "PD"],
        [Roles.Marketer] = ["PD", "PD", "PD", "PD"],
        [NoRole] = ["PD", "PD", "PD", "PD"],
    };

    /// <summary>Recording consent: marketers and service agents too (PIPEDA requests arrive through every channel).</summary>
    private static readonly Dictionary<string, string[]> Consent = new()
    {
        [Roles.Admin] = ["OK", "OK", "OK", "NF"],
        [Roles.SalesManager] = ["OK", "OK", "PD", "NF"],
        [Roles.SalesRep] = ["OK", "OK", "PD", "NF"],
        [Roles.ServiceAgent] = ["OK", "OK", "OK", "NF"],
        [Roles.Analyst] = ["PD", "PD", "PD", "NF"],
        [Roles.Marketer] = ["OK", "OK", "OK", "NF"],
        [NoRole] = ["PD", "PD", "PD", "NF"],
    };

    /// <summary>Erasure is an admin's act.</summary>
    private static readonly Dictionary<string, string[]> Erase = new()
    {
        [Roles.Admin] = ["OK", "OK", "OK", "NF"],
        [Roles.SalesManager] = ["PD", "PD", "PD", "PD"],
        [Roles.SalesRep] = ["PD", "PD", "PD", "PD"],
        [Roles.ServiceAgent] = ["PD", "PD", "PD", "PD"],
        [Roles.Analyst] = ["PD", "PD", "PD", "PD"],
        [Roles.Marketer] = ["PD", "PD", "PD", "PD"],
        [NoRole] = ["PD", "PD", "PD", "PD"],
    };

    /// <summary>Recording or changing an interaction: the account's writers, and service agents on any account.</summary>
    private static readonly Dictionary<string, string[]> Interact = new()
    {
        [Roles.Admin] = ["OK", "OK", "OK", "NF"],
        [Roles.SalesManager] = ["OK", "OK", "PD", "NF"],
        [Roles.SalesRep] = ["OK", "OK", "PD", "NF"],
        [Roles.ServiceAgent] = ["OK", "OK", "OK", "NF"],
        [Roles.Analyst] = ["PD", "PD", "PD", "NF"],
        [Roles.Marketer] = ["PD", "PD", "PD", "NF"],
        [NoRole] = ["PD", "PD", "PD", "NF"],
    };

    /// <summary>
    /// Creating an account owned by the record's owner and team: sales roles, a rep only for themselves. For "tenant" the
    /// request names the other tenant in tenant_id, which is output only: the account is created in the caller's tenant.
    /// </summary>
    private static readonly Dictionary<string, string[]> Create = new()
    {
        [Roles.Admin] = ["OK", "OK", "OK", "OK"],
        [Roles.SalesManager] = ["OK", "OK", "PD", "PD"],
        [Roles.SalesRep] = ["OK", "PD", "PD", "PD"],
        [Roles.ServiceAgent] = ["PD", "PD", "PD", "PD"],
        [Roles.Analyst] = ["PD", "PD", "PD", "PD"],
        [Roles.Marketer] = ["PD", "PD", "PD", "PD"],
        [NoRole] = ["PD", "PD", "PD", "PD"],
    };

    /// <summary>
    /// The open follow-ups of the record's owner (one is on the record): everyone lists their own; another user's are
    /// listed to admins and sales managers, within the records they read.
    /// </summary>
    private static readonly Dictionary<string, string[]> FollowUps = new()
    {
        [Roles.Admin] = ["seen", "seen", "seen", "hidden"],
        [Roles.SalesManager] = ["seen", "seen", "hidden", "hidden"],
        [Roles.SalesRep] = ["seen", "PD", "PD", "PD"],
        [Roles.ServiceAgent] = ["seen", "PD", "PD", "PD"],
        [Roles.Analyst] = ["seen", "PD", "PD", "PD"],
        [Roles.Marketer] = ["seen", "PD", "PD", "PD"],
        [NoRole] = ["PD", "PD", "PD", "PD"],
    };

    /// <summary>
    /// The last scan's duplicate groups: every reader sees the tenant's groups, with the display names of the members they
    /// may read ("seen") and without those of the others ("unnamed").
    /// </summary>
    private static readonly Dictionary<string, string[]> Duplicates = new()
    {
        [Roles.Admin] = ["seen", "seen", "seen", "hidden"],
        [Roles.SalesManager] = ["seen", "seen", "unnamed", "hidden"],
        [Roles.SalesRep] = ["seen", "seen", "unnamed", "hidden"],
        [Roles.ServiceAgent] = ["seen", "seen", "seen", "hidden"],
        [Roles.Analyst] = ["seen", "seen", "seen", "hidden"],
        [Roles.Marketer] = ["seen", "seen", "seen", "hidden"],
        [NoRole] = ["PD", "PD", "PD", "PD"],
    };

    /// <summary>
    /// Continuing the import job the record's owner started in the record's team: the job belongs to its starter and that
    /// team, so whoever may write such a record continues it. Import ids are per tenant, so another tenant's id starts a
    /// new job of the caller's own.
    /// </summary>
    private static readonly Dictionary<string, string[]> Import = new()
    {
        [Roles.Admin] = ["OK", "OK", "OK", "OK"],
        [Roles.SalesManager] = ["OK", "OK", "PD", "OK"],
        [Roles.SalesRep] = ["OK", "OK", "PD", "OK"],
        [Roles.ServiceAgent] = ["PD", "PD", "PD", "PD"],
        [Roles.Analyst] = ["PD", "PD", "PD", "PD"],
        [Roles.Marketer] = ["PD", "PD", "PD", "PD"],
        [NoRole] = ["PD", "PD", "PD", "PD"],
    };

    /// <summary>Reading the import job the record's owner started in the record's team: whoever may read such a record.</summary>
    private static readonly Dictionary<string, string[]> ReadImport = new()
    {
        [Roles.Admin] = ["OK", "OK", "OK", "NF"],
        [Roles.SalesManager] = ["OK", "OK", "PD", "NF"],
        [Roles.SalesRep] = ["OK", "OK", "PD", "NF"],
        [Roles.ServiceAgent] = ["OK", "OK", "OK", "NF"],
        [Roles.Analyst] = ["OK", "OK", "OK", "NF"],
        [Roles.Marketer] = ["OK", "OK", "OK", "NF"],
        [NoRole] = ["PD", "PD", "PD", "PD"],
    };

    /// <summary>A tenant setting an admin stored: every role sees its own tenant's, never another's.</summary>
    private static readonly Dictionary<string, string[]> SettingRead = new()
    {
        [Roles.Admin] = ["seen", "hidden"],
        [Roles.SalesManager] = ["seen", "hidden"],
        [Roles.SalesRep] = ["seen", "hidden"],
        [Roles.ServiceAgent] = ["seen", "hidden"],
        [Roles.Analyst] = ["seen", "hidden"],
        [Roles.Marketer] = ["seen", "hidden"],
        [NoRole] = ["PD", "PD"],
    };

    /// <summary>A tenant setting the caller changes: admins only, and the change is seen in their own tenant only.</summary>
    private static readonly Dictionary<string, string[]> SettingChange = new()
    {
        [Roles.Admin] = ["seen", "hidden"],
        [Roles.SalesManager] = ["PD", "PD"],
        [Roles.SalesRep] = ["PD", "PD"],
        [Roles.ServiceAgent] = ["PD", "PD"],
        [Roles.Analyst] = ["PD", "PD"],
        [Roles.Marketer] = ["PD", "PD"],
        [NoRole] = ["PD", "PD"],
    };

    private static readonly (string Rpc, Dictionary<string, string[]> Expected)[] Rpcs =
    [
        ("GetAccount", Read), ("BatchGetAccounts", BatchRead), ("UpdateAccount", Write), ("DeleteAccount", Write),
        ("ListAccounts", List), ("ExportAccounts", List),
        ("GetContact", Read), ("UpdateContact", Write), ("ListContacts", List), ("ExportContacts", List), ("CreateContact", AddContact),
        ("ListFieldChanges", Read), ("RecordCommitmentAnswers", Write), ("ListRelationships", Read),
        ("RecordConsent", Consent), ("ListConsents", Read), ("ErasePersonalData", Erase),
        ("DeleteContact", Write), ("RecordInteraction", Interact), ("GetInteraction", Read), ("UpdateInteraction", Interact),
        ("ListInteractions", Read), ("GetCustomer360", Read), ("ListPhaseChanges", Read),
        ("MergeAccounts", Write), ("MergeContacts", Write),
        ("CreateAccount", Create), ("CreateRelationship", Write), ("DeleteRelationship", Write), ("ExportPersonalData", Read),
        ("ListFollowUps", FollowUps), ("ListDuplicateGroups", Duplicates), ("ImportCustomers", Import), ("GetImport", ReadImport),
    ];

    /// <summary>The tenant-wide settings, by <see cref="TenantRelations"/>.</summary>
    private static readonly (string Rpc, Dictionary<string, string[]> Expected)[] TenantSettingRpcs =
    [
        ("GetContactPolicy", SettingRead), ("UpdateContactPolicy", SettingChange),
        ("GetValueTierRules", SettingRead), ("ReplaceValueTierRules", SettingChange),
        ("ListCustomFieldDefinitions", SettingRead), ("CreateCustomFieldDefinition", SettingChange),
    ];

    public static TheoryData<string, string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string, string>();
        AddCases(cases, Rpcs, Relations);
        AddCases(cases, TenantSettingRpcs, TenantRelations);
        return cases;
    }

    private static void AddCases(
        TheoryData<string, string, string, string> cases, (string Rpc, Dictionary<string, string[]> Expected)[] rows, string[] relations)
    {
        foreach (var (rpc, expected) in rows)
        {
            foreach (var (role, outcomes) in expected)
            {
                Assert.Equal(relations.Length, outcomes.Length);
                for (var i = 0; i < relations.Length; i++)
                {
                    cases.Add(rpc, role, relations[i], outcomes[i]);
                }
            }
        }
    }

    [Fact]
    public void Every_rpc_of_the_Customers_service_has_a_row_in_the_matrix()
    {
        var rows = Rpcs.Concat(TenantSettingRpcs).Select(row => row.Rpc).Order();

        Assert.Equal(Proto.Customers.Descriptor.Methods.Select(method => method.Name).Order(), rows);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_exactly_its_access_to_each_kind_of_record(string rpc, string role, string relation, string expected)
    {
        var tenant = TestData.NewTenant();
        var caller = server.User(tenant, "caller", role == NoRole ? [] : [role], "north");
        var (owner, team) = relation switch
        {
            "own" => ("caller", "east"),
            "team" => ("colleague", "north"),
            _ => ("stranger", "south"),
        };
        var recordAdmin = server.Admin(relation == "tenant" ? TestData.NewTenant() : tenant);
        var account = await server.Client.CreateAccountAsync(
            TestData.Company($"Target {Guid.NewGuid():N}").OwnedBy(owner, team).Confirmed(), recordAdmin.Headers);
        var contactRequest = TestData.Contact(account, "Target", Guid.NewGuid().ToString("N"));
        contactRequest.Contact.OwnerUserId = owner;
        contactRequest.Contact.Team = team;
        var contact = await server.Client.CreateContactAsync(contactRequest, recordAdmin.Headers);

        var outcome = await OutcomeAsync(rpc, caller, account, contact);

        Assert.Equal(expected, outcome);
    }

    [Theory]
    [InlineData(Roles.Admin, "someone-else", "south", "OK")]
    [InlineData(Roles.SalesManager, "someone-else", "north", "OK")]
    [InlineData(Roles.SalesManager, "someone-else", "south", "PD")]
    [InlineData(Roles.SalesRep, "caller", "north", "OK")]
    [InlineData(Roles.SalesRep, "someone-else", "north", "PD")]
    [InlineData(Roles.SalesRep, "caller", "south", "OK")]
    [InlineData(Roles.ServiceAgent, "caller", "north", "PD")]
    [InlineData(Roles.Analyst, "caller", "north", "PD")]
    [InlineData(Roles.Marketer, "caller", "north", "PD")]
    [InlineData(NoRole, "caller", "north", "PD")]
    public async Task Creating_an_account_needs_a_sales_role_and_an_owner_the_caller_may_assign(
        string role, string owner, string team, string expected)
    {
        var caller = server.User(TestData.NewTenant(), "caller", role == NoRole ? [] : [role], "north");

        var outcome = await OutcomeOf(() => server.Client.CreateAccountAsync(
            TestData.Company($"New {Guid.NewGuid():N}").OwnedBy(owner, team), caller.Headers));

        Assert.Equal(expected, outcome);
    }

    [Fact]
    public async Task A_sales_rep_may_not_move_a_team_record_to_another_team_or_owner()
    {
        var tenant = TestData.NewTenant();
        var rep = server.Rep(tenant);
        var account = await server.Client.CreateAccountAsync(TestData.Company("Team account").OwnedBy("colleague", "north"),
            server.Admin(tenant).Headers);

        var toSouth = await OutcomeOf(() => server.Client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = account.Name, Team = "south" },
        }, rep.Headers));
        var toStranger = await OutcomeOf(() => server.Client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = account.Name, OwnerUserId = "stranger" },
        }, rep.Headers));

        Assert.Equal("PD", toSouth);
        Assert.Equal("PD", toStranger);
    }

    [Theory]
    [InlineData(Roles.Admin, "OK", "OK")]
    [InlineData(Roles.SalesManager, "OK", "PD")]
    [InlineData(Roles.SalesRep, "OK", "PD")]
    [InlineData(Roles.ServiceAgent, "OK", "PD")]
    [InlineData(Roles.Analyst, "OK", "PD")]
    [InlineData(Roles.Marketer, "OK", "PD")]
    [InlineData(NoRole, "PD", "PD")]
    public async Task Every_role_reads_the_tenant_settings_and_only_an_admin_changes_them(string role, string read, string change)
    {
        var caller = server.User(TestData.NewTenant(), "caller", role == NoRole ? [] : [role], "north");
        var client = server.Client;

        Assert.Equal(read, await OutcomeOf(() => client.GetContactPolicyAsync(new Proto.GetContactPolicyRequest(), caller.Headers)));
        Assert.Equal(read, await OutcomeOf(() => client.GetValueTierRulesAsync(new Proto.GetValueTierRulesRequest(), caller.Headers)));
        Assert.Equal(change, await OutcomeOf(() => client.UpdateContactPolicyAsync(
            new Proto.UpdateContactPolicyRequest { Policy = new Proto.ContactPolicy { RepeatedContactThreshold = 2 } }, caller.Headers)));
        Assert.Equal(change, await OutcomeOf(() => client.ReplaceValueTierRulesAsync(new Proto.ReplaceValueTierRulesRequest
        {
            Rules = { new Proto.ValueTierRule { Tier = Proto.ValueTier.High, Tag = "vip" } },
        }, caller.Headers)));
    }

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated()
    {
        var error = await TestData.FailsAsync(() => server.Client.ListAccountsAsync(new Proto.ListAccountsRequest()));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    private async Task<string> OutcomeAsync(string rpc, TestUser caller, Proto.Account account, Proto.Contact contact)
    {
        var client = server.Client;
        var headers = caller.Headers;
        return rpc switch
        {
            "GetAccount" => await OutcomeOf(() => client.GetAccountAsync(new Proto.GetAccountRequest { Name = account.Name }, headers)),
            "BatchGetAccounts" => await Observed(async () =>
            {
                var answer = await client.BatchGetAccountsAsync(new Proto.BatchGetAccountsRequest { Names = { account.Name } }, headers);
                return answer.Accounts.Select(a => a.Name).SequenceEqual([account.Name]) && answer.Missing.Count == 0 ? "found"
                    : answer.Accounts.Count == 0 && answer.Missing.SequenceEqual([account.Name]) ? "missing"
                    : $"unexpected answer {answer}";
            }),
            "UpdateAccount" => await OutcomeOf(() => client.UpdateAccountAsync(new Proto.UpdateAccountRequest
            {
                Account = new Proto.Account { Name = account.Name, DisplayName = "Renamed " + Guid.NewGuid() },
            }, headers)),
            "DeleteAccount" => await OutcomeOf(() => client.DeleteAccountAsync(new Proto.DeleteAccountRequest { Name = account.Name }, headers)),
            "ListAccounts" => await Visibility(async () => (await client.ListAccountsAsync(
                new Proto.ListAccountsRequest { PageSize = 1000 }, headers)).Accounts.Any(a => a.Name == account.Name)),
            "ExportAccounts" => await Visibility(async () => (await TestData.ReadAllAsync(
                client.ExportAccounts(new Proto.ExportAccountsRequest(), headers))).Any(a => a.Name == account.Name)),
            "GetContact" => await OutcomeOf(() => client.GetContactAsync(new Proto.GetContactRequest { Name = contact.Name }, headers)),
            "UpdateContact" => await OutcomeOf(() => client.UpdateContactAsync(new Proto.UpdateContactRequest
            {
                Contact = new Proto.Contact { Name = contact.Name, JobTitle = "Changed " + Guid.NewGuid() },
            }, headers)),
            "ListContacts" => await Visibility(async () => (await client.ListContactsAsync(
                new Proto.ListContactsRequest { PageSize = 1000 }, headers)).Contacts.Any(c => c.Name == contact.Name)),
            "ExportContacts" => await Visibility(async () => (await TestData.ReadAllAsync(
                client.ExportContacts(new Proto.ExportContactsRequest(), headers))).Any(c => c.Name == contact.Name)),
            "CreateContact" => await OutcomeOf(() => client.CreateContactAsync(
                TestData.Contact(account, "New", Guid.NewGuid().ToString("N")), headers)),
            "ListFieldChanges" => await OutcomeOf(() => client.ListFieldChangesAsync(
                new Proto.ListFieldChangesRequest { Parent = contact.Name }, headers)),
            "RecordCommitmentAnswers" => await OutcomeOf(() => client.RecordCommitmentAnswersAsync(new Proto.RecordCommitmentAnswersRequest
            {
                Account = account.Name,
                Answers = new Proto.CommitmentAnswers { IsCustomer = true, Satisfaction = 4, Involvement = 4, AlternativeAppeal = 2, Difference = 3 },
            }, headers)),
            "ListRelationships" => await OutcomeOf(() => client.ListRelationshipsAsync(
                new Proto.ListRelationshipsRequest { Parent = account.Name }, headers)),
            "RecordConsent" => await OutcomeOf(() => client.RecordConsentAsync(new Proto.RecordConsentRequest
            {
                Contact = contact.Name, Purpose = Proto.ConsentPurpose.Sms, Granted = false, Source = "test",
            }, headers)),
            "ListConsents" => await OutcomeOf(() => client.ListConsentsAsync(new Proto.ListConsentsRequest { Contact = contact.Name }, headers)),
            "ErasePersonalData" => await OutcomeOf(() => client.ErasePersonalDataAsync(
                new Proto.ErasePersonalDataRequest { Contact = contact.Name }, headers)),
            "DeleteContact" => await OutcomeOf(() => client.DeleteContactAsync(new Proto.DeleteContactRequest { Name = contact.Name }, headers)),
            "RecordInteraction" => await OutcomeOf(() => client.RecordInteractionAsync(
                InteractionData.Interaction(account.Name, direction: Proto.InteractionDirection.Inbound), headers)),
            "GetInteraction" => await OutcomeOf(async () => client.GetInteractionAsync(
                new Proto.GetInteractionRequest { Name = (await RecordedByAdminAsync(account)).Name }, headers)),
            "UpdateInteraction" => await OutcomeOf(async () => client.UpdateInteractionAsync(new Proto.UpdateInteractionRequest
            {
                Interaction = new Proto.Interaction { Name = (await RecordedByAdminAsync(account)).Name, Outcome = Proto.InteractionOutcome.Reached },
            }, headers)),
            "ListInteractions" => await OutcomeOf(() => client.ListInteractionsAsync(
                new Proto.ListInteractionsRequest { Parent = account.Name }, headers)),
            "GetCustomer360" => await OutcomeOf(() => client.GetCustomer360Async(new Proto.GetCustomer360Request { Account = account.Name }, headers)),
            "ListPhaseChanges" => await OutcomeOf(() => client.ListPhaseChangesAsync(
                new Proto.ListPhaseChangesRequest { Account = account.Name }, headers)),
            "MergeAccounts" => await OutcomeOf(async () => client.MergeAccountsAsync(new Proto.MergeAccountsRequest
            {
                Survivor = (await OwnSurvivorAsync(caller)).Account.Name, Merged = { account.Name },
            }, headers)),
            "MergeContacts" => await OutcomeOf(async () => client.MergeContactsAsync(new Proto.MergeContactsRequest
            {
                Survivor = (await OwnSurvivorAsync(caller)).Contact.Name, Merged = { contact.Name },
            }, headers)),
            "CreateAccount" => await Observed(async () =>
            {
                var request = TestData.Company($"New {Guid.NewGuid():N}").OwnedBy(account.OwnerUserId, account.Team);
                request.Account.TenantId = account.TenantId;
                var created = await client.CreateAccountAsync(request, headers);
                return created.TenantId == caller.TenantId ? "OK" : $"created in {created.TenantId}";
            }),
            "CreateRelationship" => await OutcomeOf(async () => client.CreateRelationshipAsync(new Proto.CreateRelationshipRequest
            {
                Relationship = WorksFor(contact, (await OwnSurvivorAsync(caller)).Account),
            }, headers)),
            "DeleteRelationship" => await OutcomeOf(async () => client.DeleteRelationshipAsync(
                new Proto.DeleteRelationshipRequest { Name = (await RelatedByAdminAsync(account, contact)).Name }, headers)),
            "ExportPersonalData" => await OutcomeOf(() => TestData.ReadAllAsync(
                client.ExportPersonalData(new Proto.ExportPersonalDataRequest { Contact = contact.Name }, headers))),
            "ListFollowUps" => await Visibility(async () =>
            {
                var due = await RecordedByAdminAsync(account, followUpBy: account.OwnerUserId);
                return (await client.ListFollowUpsAsync(new Proto.ListFollowUpsRequest { OwnerUserId = account.OwnerUserId, PageSize = 1000 },
                    headers)).Interactions.Any(i => i.Name == due.Name);
            }),
            "ListDuplicateGroups" => await DuplicateVisibilityAsync(caller, account),
            "ImportCustomers" => await OutcomeOf(async () => await ImportAsync(headers, IdOf(await ImportStartedByOwnerAsync(account)))),
            "GetImport" => await OutcomeOf(async () => client.GetImportAsync(
                new Proto.GetImportRequest { Name = (await ImportStartedByOwnerAsync(account)).Name }, headers)),
            "GetContactPolicy" or "GetValueTierRules" or "ListCustomFieldDefinitions" =>
                await SettingVisibility(SettingOf(rpc), setBy: server.Admin(account.TenantId), readBy: caller),
            "UpdateContactPolicy" or "ReplaceValueTierRules" or "CreateCustomFieldDefinition" =>
                await SettingVisibility(SettingOf(rpc), setBy: caller, readBy: server.Admin(account.TenantId)),
            _ => throw new ArgumentOutOfRangeException(nameof(rpc), rpc, null),
        };
    }

    private static Proto.Relationship WorksFor(Proto.Contact contact, Proto.Account company) =>
        new() { Type = Proto.RelationshipType.WorksFor, Contact = contact.Name, Target = company.Name };

    /// <summary>The contact works for its own (company) account, as an admin of its tenant recorded.</summary>
    private async Task<Proto.Relationship> RelatedByAdminAsync(Proto.Account account, Proto.Contact contact) =>
        await server.Client.CreateRelationshipAsync(
            new Proto.CreateRelationshipRequest { Relationship = WorksFor(contact, account) }, server.Admin(account.TenantId).Headers);

    /// <summary>
    /// Two probable duplicates owned like the record, scanned by an admin of its tenant: whether the caller's list shows
    /// the first with its display name ("seen"), without it ("unnamed"), or not at all ("hidden").
    /// </summary>
    private async Task<string> DuplicateVisibilityAsync(TestUser caller, Proto.Account account)
    {
        var client = server.Client;
        var admin = server.Admin(account.TenantId);
        var email = $"twin-{Guid.NewGuid():N}@example.org";
        var twins = new List<Proto.Account>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            twins.Add(await client.CreateAccountAsync(
                TestData.Consumer("Wei Zhang", email).OwnedBy(account.OwnerUserId, account.Team).Confirmed(), admin.Headers));
        }

        await client.ListDuplicateGroupsAsync(new Proto.ListDuplicateGroupsRequest { RunScanNow = true }, admin.Headers);
        return await Observed(async () =>
        {
            var groups = await client.ListDuplicateGroupsAsync(new Proto.ListDuplicateGroupsRequest { PageSize = 1000 }, caller.Headers);
            var member = groups.Groups.SelectMany(g => g.Members).FirstOrDefault(m => m.Name == twins[0].Name);
            return member is null ? "hidden" : member.DisplayName == twins[0].DisplayName ? "seen" : "unnamed";
        });
    }

    /// <summary>An import job of one row, started by the record's owner (a sales rep of its team only) in its tenant.</summary>
    private async Task<Proto.ImportJob> ImportStartedByOwnerAsync(Proto.Account account) =>
        await ImportAsync(server.User(account.TenantId, account.OwnerUserId, [Roles.SalesRep], account.Team).Headers, Guid.NewGuid().ToString());

    /// <summary>Sends one row to the import <paramref name="importId"/> (started or continued).</summary>
    private async Task<Proto.ImportJob> ImportAsync(Metadata headers, string importId)
    {
        using var call = server.Client.ImportCustomers(headers);
        await call.RequestStream.WriteAsync(new Proto.ImportCustomersRequest
        {
            ImportId = importId,
            Rows = { new Proto.ImportRow { RowKey = Guid.NewGuid().ToString("N"), Account = TestData.Company($"Imported {Guid.NewGuid():N}").Account } },
        });
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    private static string IdOf(Proto.ImportJob job) => InteractionData.IdOf(job.Name).ToString();

    /// <summary>A tenant setting: Set stores <see cref="Marker"/> in the tenant of the user whose headers it gets; Shows tells whether that tenant's setting holds it.</summary>
    private sealed record Setting(Func<Metadata, Task> Set, Func<Metadata, Task<bool>> Shows);

    private Setting SettingOf(string rpc)
    {
        var client = server.Client;
        return rpc switch
        {
            "GetContactPolicy" or "UpdateContactPolicy" => new Setting(
                async headers => await client.UpdateContactPolicyAsync(new Proto.UpdateContactPolicyRequest
                {
                    Policy = new Proto.ContactPolicy { RepeatedContactThreshold = MarkerThreshold },
                }, headers),
                async headers => (await client.GetContactPolicyAsync(new Proto.GetContactPolicyRequest(), headers))
                    .RepeatedContactThreshold == MarkerThreshold),
            "GetValueTierRules" or "ReplaceValueTierRules" => new Setting(
                async headers => await client.ReplaceValueTierRulesAsync(new Proto.ReplaceValueTierRulesRequest
                {
                    Rules = { new Proto.ValueTierRule { Tier = Proto.ValueTier.High, Tag = Marker } },
                }, headers),
                async headers => (await client.GetValueTierRulesAsync(new Proto.GetValueTierRulesRequest(), headers))
                    .Rules.Any(rule => rule.Tag == Marker)),
            "ListCustomFieldDefinitions" or "CreateCustomFieldDefinition" => new Setting(
                async headers => await client.CreateCustomFieldDefinitionAsync(new Proto.CreateCustomFieldDefinitionRequest
                {
                    Definition = new Proto.CustomFieldDefinition
                    {
                        Key = Marker, RecordType = Proto.RecordType.Account, DisplayName = "Marker", Type = Proto.CustomFieldType.Text,
                    },
                }, headers),
                async headers => (await client.ListCustomFieldDefinitionsAsync(new Proto.ListCustomFieldDefinitionsRequest(), headers))
                    .Definitions.Any(definition => definition.Key == Marker)),
            _ => throw new ArgumentOutOfRangeException(nameof(rpc), rpc, null),
        };
    }

    /// <summary>Whether the setting one user stores shows for another: "seen", "hidden", or the code of the call that failed.</summary>
    private static Task<string> SettingVisibility(Setting setting, TestUser setBy, TestUser readBy) => Visibility(async () =>
    {
        await setting.Set(setBy.Headers);
        return await setting.Shows(readBy.Headers);
    });

    /// <summary>An interaction on the account, recorded by an admin of its tenant; with a follow-up when <paramref name="followUpBy"/> is set.</summary>
    private async Task<Proto.Interaction> RecordedByAdminAsync(Proto.Account account, string? followUpBy = null)
    {
        var request = InteractionData.Interaction(account.Name);
        if (followUpBy is not null)
        {
            request.WithFollowUp(DateTimeOffset.UtcNow.AddDays(1), followUpBy, "call back");
        }

        return await server.Client.RecordInteractionAsync(request, server.Admin(account.TenantId).Headers);
    }

    private static async Task<string> OutcomeOf<T>(Func<AsyncUnaryCall<T>> call) => await OutcomeOf(() => Task.FromResult(call()));

    private static Task<string> OutcomeOf<T>(Func<Task<AsyncUnaryCall<T>>> call) => Observed(async () =>
    {
        await await call();
        return "OK";
    });

    /// <summary>"OK" once a streaming call (or a task made of calls) has completed, else the code it failed with.</summary>
    private static Task<string> OutcomeOf(Func<Task> call) => Observed(async () =>
    {
        await call();
        return "OK";
    });

    /// <summary>A company account and contact of the caller's tenant that the caller owns: the survivor of a merge.</summary>
    private async Task<(Proto.Account Account, Proto.Contact Contact)> OwnSurvivorAsync(TestUser caller)
    {
        var admin = server.Admin(caller.TenantId);
        var account = await server.Client.CreateAccountAsync(
            TestData.Company($"Survivor {Guid.NewGuid():N}").OwnedBy("caller", "east").Confirmed(), admin.Headers);
        var request = TestData.Contact(account, "Survivor", Guid.NewGuid().ToString("N"));
        request.Contact.OwnerUserId = "caller";
        request.Contact.Team = "east";
        return (account, await server.Client.CreateContactAsync(request, admin.Headers));
    }

    private static Task<string> Visibility(Func<Task<bool>> listed) => Observed(async () => await listed() ? "seen" : "hidden");

    /// <summary>What <paramref name="observe"/> saw, or the code of the call that failed.</summary>
    private static async Task<string> Observed(Func<Task<string>> observe)
    {
        try
        {
            return await observe();
        }
        catch (RpcException error)
        {
            return Code(error);
        }
    }

    private static string Code(RpcException error) => error.StatusCode switch
    {
        StatusCode.PermissionDenied => "PD",
        StatusCode.NotFound => "NF",
        _ => $"{error.StatusCode}: {error.Status.Detail}",
    };
}
