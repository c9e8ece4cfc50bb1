using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

/// <summary>
/// Every RPC × role × record relation. The caller is in team "north". Relations: "own" (owned by the caller, in team
/// "east"), "team" (another owner, team "north"), "other" (another owner, team "south"), "tenant" (another tenant's).
/// Expected: OK, PD (PERMISSION_DENIED), NF (NOT_FOUND); for List and Export, "seen" or "hidden" (or PD for the whole call).
/// </summary>
[Collection(CustomersServerCollection.Name)]
public sealed class AuthorizationMatrixTests(CustomersServer server)
{
    private const string NoRole = "none";
    private static readonly string[] Relations = ["own", "team", "other", "tenant"];

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

    private static readonly (string Rpc, Dictionary<string, string[]> Expected)[] Rpcs =
    [
        ("GetAccount", Read), ("UpdateAccount", Write), ("DeleteAccount", Write), ("ListAccounts", List), ("ExportAccounts", List),
        ("GetContact", Read), ("UpdateContact", Write), ("ListContacts", List), ("ExportContacts", List), ("CreateContact", AddContact),
        ("ListFieldChanges", Read), ("RecordCommitmentAnswers", Write), ("ListRelationships", Read),
        ("RecordConsent", Consent), ("ListConsents", Read), ("ErasePersonalData", Erase),
        ("DeleteContact", Write), ("RecordInteraction", Interact), ("GetInteraction", Read), ("UpdateInteraction", Interact),
        ("ListInteractions", Read), ("GetCustomer360", Read), ("ListPhaseChanges", Read),
        ("MergeAccounts", Write), ("MergeContacts", Write),
    ];

    public static TheoryData<string, string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string, string>();
        foreach (var (rpc, expected) in Rpcs)
        {
            foreach (var (role, outcomes) in expected)
            {
                for (var i = 0; i < Relations.Length; i++)
                {
                    cases.Add(rpc, role, Relations[i], outcomes[i]);
                }
            }
        }

        return cases;
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
            _ => throw new ArgumentOutOfRangeException(nameof(rpc), rpc, null),
        };
    }

    private async Task<Proto.Interaction> RecordedByAdminAsync(Proto.Account account) =>
        await server.Client.RecordInteractionAsync(InteractionData.Interaction(account.Name), server.Admin(account.TenantId).Headers);

    private static async Task<string> OutcomeOf<T>(Func<AsyncUnaryCall<T>> call) => await OutcomeOf(() => Task.FromResult(call()));

    private static async Task<string> OutcomeOf<T>(Func<Task<AsyncUnaryCall<T>>> call)
    {
        try
        {
            await await call();
            return "OK";
        }
        catch (RpcException error)
        {
            return Code(error);
        }
    }

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

    private static async Task<string> Visibility(Func<Task<bool>> listed)
    {
        try
        {
            return await listed() ? "seen" : "hidden";
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
