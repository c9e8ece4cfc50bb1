using CrmPlatform.Contracts.Events;
using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class ImportTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task An_import_creates_accounts_with_their_contacts_and_reports_bad_rows_by_field()
    {
        var rep = server.Rep(TestData.NewTenant());
        var importId = Guid.NewGuid().ToString();

        var job = await ImportAsync(rep, Batch(importId, 3,
            Row("crm:1", Account("Globex", "info@GLOBEX.com"), Person("Hank", "Scorpio", "hank@globex.com", "+1 (212) 555-0199")),
            Row("crm:2", Account("Initech", "not-an-email")),
            Row("crm:3", Account("Umbrella"), Person("Alice", "Abernathy", "alice@"))));
        var globex = await _client.ListAccountsAsync(new Proto.ListAccountsRequest { Query = "globex" }, rep.Headers);
        var hank = await _client.ListContactsAsync(new Proto.ListContactsRequest { Account = globex.Accounts.Single().Name }, rep.Headers);

        Assert.Equal($"imports/{importId}", job.Name);
        Assert.Equal((3, 3, 1, 1, 2, 0), (job.TotalRows, job.ProcessedRows, job.CreatedAccounts, job.CreatedContacts, job.FailedRows, job.SkippedRows));
        Assert.Equal(
            [("crm:2", "account.email"), ("crm:3", "contacts[0].email")],
            job.Errors.Select(e => (e.RowKey, e.Field)));
        Assert.All(job.Errors, e => Assert.StartsWith(e.Field + ":", e.Message));
        Assert.Equal("info@globex.com", globex.Accounts.Single().Email);
        Assert.Equal("+12125550199", hank.Contacts.Single().Phone);
        Assert.Empty((await _client.ListAccountsAsync(new Proto.ListAccountsRequest { Query = "umbrella" }, rep.Headers)).Accounts);
    }

    [Fact]
    public async Task An_imported_account_gets_its_phase_and_value_tier_like_a_created_one()
    {
        var tenant = TestData.NewTenant();
        var rep = server.Rep(tenant);
        await _client.ReplaceValueTierRulesAsync(new Proto.ReplaceValueTierRulesRequest
        {
            Rules =
            {
                new Proto.ValueTierRule { Tier = Proto.ValueTier.Top, Tag = "strategic" },
                new Proto.ValueTierRule { Tier = Proto.ValueTier.Medium, Kind = Proto.AccountKind.Company },
            },
        }, server.Admin(tenant).Headers);
        var created = await _client.CreateAccountAsync(TestData.Company("Initech"), rep.Headers);
        var strategic = Account("Globex");
        strategic.Tags.Add("strategic");
        var exploring = Account("Hooli");
        exploring.Phase = Proto.RelationshipPhase.Exploration;

        await ImportAsync(rep, Batch(Guid.NewGuid().ToString(), 0, Row("crm:1", strategic), Row("crm:2", exploring)));
        var globex = (await _client.ListAccountsAsync(new Proto.ListAccountsRequest { Query = "globex" }, rep.Headers)).Accounts.Single();
        var hooli = (await _client.ListAccountsAsync(new Proto.ListAccountsRequest { Query = "hooli" }, rep.Headers)).Accounts.Single();

        Assert.Equal((Proto.RelationshipPhase.Awareness, false, Proto.ValueTier.Medium, "rule:1"),
            (created.Phase, created.PhaseOverride, created.ValueTier, created.ValueTierSource));
        Assert.Equal((Proto.RelationshipPhase.Awareness, false, Proto.ValueTier.Top, "rule:0"),
            (globex.Phase, globex.PhaseOverride, globex.ValueTier, globex.ValueTierSource));
        Assert.Equal((Proto.RelationshipPhase.Exploration, true, Proto.ValueTier.Medium, "rule:1"),
            (hooli.Phase, hooli.PhaseOverride, hooli.ValueTier, hooli.ValueTierSource));
    }

    [Fact]
    public async Task A_repeated_row_key_creates_nothing_and_counts_as_skipped()
    {
        var rep = server.Rep(TestData.NewTenant());
        await ImportAsync(rep, Batch(Guid.NewGuid().ToString(), 0, Row("erp:7", Account("Stark Industries"))));

        var again = await ImportAsync(rep, Batch(Guid.NewGuid().ToString(), 0,
            Row("erp:7", Account("Stark Industries renamed")), Row("erp:8", Account("Wayne Enterprises"))));
        var accounts = await _client.ListAccountsAsync(new Proto.ListAccountsRequest(), rep.Headers);

        Assert.Equal((2, 1, 1), (again.ProcessedRows, again.SkippedRows, again.CreatedAccounts));
        Assert.Equal(["Stark Industries", "Wayne Enterprises"], accounts.Accounts.Select(a => a.DisplayName));
    }

    [Fact]
    public async Task A_row_that_duplicates_an_existing_customer_fails_unless_confirmed()
    {
        var rep = server.Rep(TestData.NewTenant());
        var john = await _client.CreateAccountAsync(TestData.Consumer("John Smith", "JON.SMITH@ACME.COM"), rep.Headers);
        var confirmed = Row("row-2", Consumer("Jon Smith", "jon.smith@acme.com"));
        confirmed.ConfirmNotDuplicate = true;

        var job = await ImportAsync(rep, Batch(Guid.NewGuid().ToString(), 0, Row("row-1", Consumer("Jon Smith", "jon.smith@acme.com")), confirmed));

        var error = Assert.Single(job.Errors);
        Assert.Equal(("row-1", "account"), (error.RowKey, error.Field));
        Assert.Contains(john.Name, error.Message);
        Assert.Equal(1, job.CreatedAccounts);
    }

    [Fact]
    public async Task The_same_import_id_continues_the_job_across_calls()
    {
        var rep = server.Rep(TestData.NewTenant());
        var importId = Guid.NewGuid().ToString();

        await ImportAsync(rep, Batch(importId, 4, Row("1", Account("Alpha")), Row("2", Account("Beta"))));
        var job = await ImportAsync(rep, Batch(importId, 0, Row("3", Account("Gamma")), Row("4", Account("Delta"))));
        var read = await _client.GetImportAsync(new Proto.GetImportRequest { Name = job.Name }, rep.Headers);

        Assert.Equal((4, 4, 4), (job.TotalRows, job.ProcessedRows, job.CreatedAccounts));
        Assert.Equal(job, read);
    }

    [Fact]
    public async Task Progress_is_visible_while_the_stream_runs()
    {
        var rep = server.Rep(TestData.NewTenant());
        var importId = Guid.NewGuid().ToString();
        using var call = _client.ImportCustomers(rep.Headers);

        await call.RequestStream.WriteAsync(Batch(importId, 20, Enumerable.Range(1, 10).Select(i => Row($"r{i}", Account($"Company {i:D2}"))).ToArray()));
        var midway = await EventuallyAsync(() => GetAsync(rep, importId), job => job.ProcessedRows == 10);
        await call.RequestStream.WriteAsync(Batch(importId, 0, Enumerable.Range(11, 10).Select(i => Row($"r{i}", Account($"Company {i:D2}"))).ToArray()));
        await call.RequestStream.CompleteAsync();
        var done = await call.ResponseAsync;

        Assert.Equal((20, 10), (midway.TotalRows, midway.CreatedAccounts));
        Assert.Equal(20, done.ProcessedRows);
        Assert.Equal(20, done.CreatedAccounts);
    }

    [Fact]
    public async Task Imported_records_publish_their_events_and_record_their_history()
    {
        var rep = server.Rep(TestData.NewTenant());

        await ImportAsync(rep, Batch(Guid.NewGuid().ToString(), 0, Row("x", Account("Cyberdyne"), Person("Miles", "Dyson", "miles@cyberdyne.com"))));
        var account = (await _client.ListAccountsAsync(new Proto.ListAccountsRequest(), rep.Headers)).Accounts.Single();
        var history = await _client.ListFieldChangesAsync(new Proto.ListFieldChangesRequest { Parent = account.Name }, rep.Headers);

        var accountId = Guid.Parse(account.Name["accounts/".Length..]);
        await server.Events.WaitForAsync<CustomerCreated>(e => e.AccountId == accountId);
        await server.Events.WaitForAsync<ContactAdded>(e => e.AccountId == accountId);
        Assert.Contains(history.Changes, c => c.Field == "display_name" && c.NewValue == "Cyberdyne" && c.ChangedBy == rep.UserId);
    }

    [Fact]
    public async Task Contacts_may_join_existing_accounts_named_in_the_row()
    {
        var rep = server.Rep(TestData.NewTenant());
        var acme = await _client.CreateAccountAsync(TestData.Company("Acme"), rep.Headers);
        var joining = Person("Road", "Runner", "");
        joining.Account = acme.Name;
        var unknown = Person("Wile", "Coyote", "");
        unknown.Account = "accounts/" + Guid.CreateVersion7();

        var job = await ImportAsync(rep, Batch(Guid.NewGuid().ToString(), 0,
            new Proto.ImportRow { RowKey = "a", Contacts = { joining } }, new Proto.ImportRow { RowKey = "b", Contacts = { unknown } }));

        Assert.Equal(1, job.CreatedContacts);
        Assert.Equal(("b", "contacts[0].account"), (job.Errors.Single().RowKey, job.Errors.Single().Field));
    }

    [Theory]
    [MemberData(nameof(BadInputTests.BadAccounts), MemberType = typeof(BadInputTests))]
    public async Task A_row_is_validated_exactly_as_CreateAccount_validates(string _, Proto.CreateAccountRequest request, string field)
    {
        var rep = server.Rep(TestData.NewTenant());
        var row = new Proto.ImportRow { RowKey = "bad", Account = request.Account };

        var job = await ImportAsync(rep, Batch(Guid.NewGuid().ToString(), 0, row));

        var expected = field == "request_id" ? [] : new[] { field };
        Assert.Equal(expected, job.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task Bad_streams_are_invalid_argument_naming_the_field()
    {
        var rep = server.Rep(TestData.NewTenant());
        var tooMany = Batch(Guid.NewGuid().ToString(), 0, Enumerable.Range(0, 1001).Select(i => Row($"k{i}", Account("X"))).ToArray());
        var first = Guid.NewGuid().ToString();

        var oversized = await FailsAsync(rep, tooMany);
        var notUuid = await FailsAsync(rep, Batch("import-1", 0));
        var switched = await FailsAsync(rep, Batch(first, 0), Batch(Guid.NewGuid().ToString(), 0));
        var empty = await FailsAsync(rep);

        Assert.Equal(("rows", "import_id", "import_id", "import_id"),
            (Field(oversized), Field(notUuid), Field(switched), Field(empty)));
        Assert.All([oversized, notUuid, switched, empty], e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.Empty((await _client.ListAccountsAsync(new Proto.ListAccountsRequest(), rep.Headers)).Accounts);
    }

    [Fact]
    public async Task Only_sales_roles_import_and_a_job_is_followed_and_continued_within_its_team()
    {
        var tenant = TestData.NewTenant();
        var rep = server.Rep(tenant);
        var job = await ImportAsync(rep, Batch(Guid.NewGuid().ToString(), 0, Row("1", Account("Oscorp"))));
        var importId = job.Name["imports/".Length..];
        var teammate = server.Rep(tenant, "rep-2");
        var manager = server.User(tenant, "manager-1", [Roles.SalesManager], "north");
        var outsider = server.Rep(tenant, "rep-3", team: "south");

        var agent = await FailsAsync(server.User(tenant, "agent", [Roles.ServiceAgent]), Batch(Guid.NewGuid().ToString(), 0, Row("2", Account("Other"))));
        var seenByManager = await _client.GetImportAsync(new Proto.GetImportRequest { Name = job.Name }, manager.Headers);
        var continuedByTeammate = await ImportAsync(teammate, Batch(importId, 0, Row("3", Account("Oscorp Labs"))));
        var continuedByManager = await ImportAsync(manager, Batch(importId, 0, Row("4", Account("Oscorp Foods"))));
        var outsiderReads = await TestData.FailsAsync(() => _client.GetImportAsync(new Proto.GetImportRequest { Name = job.Name }, outsider.Headers));
        var outsiderContinues = await FailsAsync(outsider, Batch(importId, 0, Row("5", Account("Elsewhere"))));
        var byAdmin = await _client.GetImportAsync(new Proto.GetImportRequest { Name = job.Name }, server.Admin(tenant).Headers);
        var otherTenant = await TestData.FailsAsync(() => _client.GetImportAsync(
            new Proto.GetImportRequest { Name = job.Name }, server.Admin(TestData.NewTenant()).Headers));

        Assert.Equal(StatusCode.PermissionDenied, agent.StatusCode);
        Assert.Equal(1, seenByManager.CreatedAccounts);
        Assert.Equal((2, 3), (continuedByTeammate.CreatedAccounts, continuedByManager.CreatedAccounts));
        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (outsiderReads.StatusCode, outsiderContinues.StatusCode));
        Assert.Equal(3, byAdmin.CreatedAccounts);
        Assert.Equal(StatusCode.NotFound, otherTenant.StatusCode);
    }

    private async Task<Proto.ImportJob> ImportAsync(TestUser user, params Proto.ImportCustomersRequest[] messages)
    {
        using var call = _client.ImportCustomers(user.Headers);
        foreach (var message in messages)
        {
            await call.RequestStream.WriteAsync(message);
        }

        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    private async Task<RpcException> FailsAsync(TestUser user, params Proto.ImportCustomersRequest[] messages) =>
        await Assert.ThrowsAsync<RpcException>(() => ImportAsync(user, messages));

    private async Task<Proto.ImportJob?> GetAsync(TestUser user, string importId)
    {
        try
        {
            return await _client.GetImportAsync(new Proto.GetImportRequest { Name = "imports/" + importId }, user.Headers);
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    private static async Task<Proto.ImportJob> EventuallyAsync(Func<Task<Proto.ImportJob?>> read, Func<Proto.ImportJob, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var job = await read();
            if (job is not null && (done(job) || DateTime.UtcNow > deadline))
            {
                return job;
            }

            await Task.Delay(50);
        }
    }

    private static string Field(RpcException error) => error.Status.Detail.Split(':')[0];

    private static Proto.ImportCustomersRequest Batch(string importId, int totalRows, params Proto.ImportRow[] rows) =>
        new() { ImportId = importId, TotalRows = totalRows, Rows = { rows } };

    private static Proto.ImportRow Row(string key, Proto.Account account, params Proto.Contact[] contacts) =>
        new() { RowKey = key, Account = account, Contacts = { contacts } };

    private static Proto.Account Account(string name, string email = "") =>
        new() { Kind = Proto.AccountKind.Company, DisplayName = name, Email = email };

    private static Proto.Account Consumer(string name, string email) =>
        new() { Kind = Proto.AccountKind.Consumer, DisplayName = name, Email = email };

    private static Proto.Contact Person(string givenName, string familyName, string email, string phone = "") =>
        new() { GivenName = givenName, FamilyName = familyName, Email = email, Phone = phone };
}
