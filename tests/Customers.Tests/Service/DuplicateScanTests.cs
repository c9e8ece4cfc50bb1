using CrmPlatform.Grpc;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class DuplicateScanTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task Jon_Smith_is_found_as_a_duplicate_of_John_Smith_by_the_scan()
    {
        var admin = server.Admin(TestData.NewTenant());
        var john = await _client.CreateAccountAsync(TestData.Consumer("John Smith", "JON.SMITH@ACME.COM"), admin.Headers);
        var jon = await _client.CreateAccountAsync(TestData.Consumer("Jon Smith", "jon.smith@acme.com").Confirmed(), admin.Headers);
        await _client.CreateAccountAsync(TestData.Consumer("Jane Doe", "jane.doe@acme.com"), admin.Headers);

        var response = await _client.ListDuplicateGroupsAsync(new Proto.ListDuplicateGroupsRequest { RunScanNow = true }, admin.Headers);

        var group = Assert.Single(response.Groups);
        Assert.Equal(Proto.RecordType.Account, group.RecordType);
        Assert.Equal([john.Name, jon.Name], group.Members.Select(m => m.Name));
        Assert.Equal(["John Smith", "Jon Smith"], group.Members.Select(m => m.DisplayName));
        Assert.True(group.Score >= 0.75, $"score {group.Score}");
        Assert.All(group.Members, m => Assert.Contains("email", m.MatchedFields));
        Assert.NotNull(response.ScanTime);
    }

    [Fact]
    public async Task Contacts_are_scanned_too_and_record_type_filters_the_groups()
    {
        var admin = server.Admin(TestData.NewTenant());
        var acme = await _client.CreateAccountAsync(TestData.Company("Acme", domain: "acme.com"), admin.Headers);
        var john = await _client.CreateContactAsync(TestData.Contact(acme, "John", "Smith", "JON.SMITH@ACME.COM"), admin.Headers);
        var jonRequest = TestData.Contact(acme, "Jon", "Smith", "jon.smith@acme.com");
        jonRequest.ConfirmNotDuplicate = true;
        var jon = await _client.CreateContactAsync(jonRequest, admin.Headers);
        await _client.CreateAccountAsync(TestData.Consumer("Maria Garcia", phone: "+1 212 555 0142"), admin.Headers);
        await _client.CreateAccountAsync(TestData.Consumer("M. Garcia", phone: "212.555.0142").Confirmed(), admin.Headers);

        await _client.ListDuplicateGroupsAsync(new Proto.ListDuplicateGroupsRequest { RunScanNow = true }, admin.Headers);
        var contacts = await _client.ListDuplicateGroupsAsync(
            new Proto.ListDuplicateGroupsRequest { RecordType = Proto.RecordType.Contact }, admin.Headers);
        var all = await _client.ListDuplicateGroupsAsync(new Proto.ListDuplicateGroupsRequest(), admin.Headers);

        var group = Assert.Single(contacts.Groups);
        Assert.Equal([john.Name, jon.Name], group.Members.Select(m => m.Name));
        Assert.Equal(2, all.Groups.Count);
        Assert.Contains(all.Groups, g => g.RecordType == Proto.RecordType.Account && g.Members[0].MatchedFields.Contains("phone"));
    }

    [Fact]
    public async Task Similar_names_with_no_email_or_phone_in_common_are_found_within_an_email_domain_or_a_company()
    {
        var admin = server.Admin(TestData.NewTenant());
        var katherine = await _client.CreateAccountAsync(TestData.Consumer("Katherine Johnson", "katherine.johnson@example.org"), admin.Headers);
        var katharine = await _client.CreateAccountAsync(TestData.Consumer("Katharine Johnson", "katharine.johnson@example.org").Confirmed(), admin.Headers);
        var acme = await _client.CreateAccountAsync(TestData.Company("Acme Industries", "info@acme.com", domain: "acme.com"), admin.Headers);
        var acmeLtd = await _client.CreateAccountAsync(
            TestData.Company("Acme Industries Ltd", "sales@acme-mail.com", domain: "acme.com").Confirmed(), admin.Headers);
        var globex = await _client.CreateAccountAsync(TestData.Company("Globex", domain: "globex.com"), admin.Headers);
        var globexEurope = await _client.CreateAccountAsync(TestData.Company("Globex Europe", domain: "globex.com"), admin.Headers);
        var wilhelmina = await _client.CreateContactAsync(TestData.Contact(globex, "Wilhelmina", "Schneider"), admin.Headers);
        var misspelt = TestData.Contact(globexEurope, "Wilhelmina", "Schnieder");
        misspelt.ConfirmNotDuplicate = true;
        var wilhelminaInEurope = await _client.CreateContactAsync(misspelt, admin.Headers);

        var response = await _client.ListDuplicateGroupsAsync(new Proto.ListDuplicateGroupsRequest { RunScanNow = true }, admin.Headers);

        string[] expected =
            [$"{katherine.Name} {katharine.Name}", $"{acme.Name} {acmeLtd.Name}", $"{wilhelmina.Name} {wilhelminaInEurope.Name}"];
        Assert.Equal(
            expected.Order(StringComparer.Ordinal),
            response.Groups.Select(g => string.Join(' ', g.Members.Select(m => m.Name))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_placeholder_mailbox_and_phone_on_many_imported_customers_make_no_group()
    {
        var admin = server.Admin(TestData.NewTenant());
        const string placeholder = "+1 202 555 0100";
        for (var i = 1; i <= 30; i++)
        {
            await _client.CreateAccountAsync(
                TestData.Consumer($"Imported Customer {i}", "none@placeholder.com", placeholder).Confirmed(), admin.Headers);
        }

        await _client.CreateAccountAsync(TestData.Consumer("Maria Garcia", phone: placeholder).Confirmed(), admin.Headers);
        await _client.CreateAccountAsync(TestData.Consumer("M. Garcia", phone: placeholder).Confirmed(), admin.Headers);
        var ann = await _client.CreateAccountAsync(TestData.Consumer("Ann Lee", phone: "+1 212 555 0142"), admin.Headers);
        var anne = await _client.CreateAccountAsync(TestData.Consumer("Anne Lee", phone: "212.555.0142").Confirmed(), admin.Headers);

        var response = await _client.ListDuplicateGroupsAsync(new Proto.ListDuplicateGroupsRequest { RunScanNow = true }, admin.Headers);

        Assert.Equal([ann.Name, anne.Name], Assert.Single(response.Groups).Members.Select(m => m.Name));
    }

    [Fact]
    public async Task Numbered_branches_are_not_grouped_but_a_branch_entered_twice_is()
    {
        var admin = server.Admin(TestData.NewTenant());
        var branches = new List<Proto.Account>();
        for (var number = 1; number <= 40; number++)
        {
            branches.Add(await _client.CreateAccountAsync(
                TestData.Company($"Acme Store {number:000}", $"store{number:000}@acme.com", domain: "acme.com"), admin.Headers));
        }

        var twice = await _client.CreateAccountAsync(
            TestData.Company("Acme Stores 17", "store17@acme.com", domain: "acme.com").Confirmed(), admin.Headers);

        var response = await _client.ListDuplicateGroupsAsync(new Proto.ListDuplicateGroupsRequest { RunScanNow = true }, admin.Headers);

        var group = Assert.Single(response.Groups);
        Assert.Equal(new[] { branches[16].Name, twice.Name }.Order(StringComparer.Ordinal), group.Members.Select(m => m.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_background_scan_finds_duplicates_without_being_asked()
    {
        var admin = server.Admin(TestData.NewTenant());
        await _client.CreateAccountAsync(TestData.Consumer("Priya Patel", "priya.patel@example.org"), admin.Headers);
        var second = await _client.CreateAccountAsync(TestData.Consumer("Priya Patel", "PRIYA.PATEL@example.org").Confirmed(), admin.Headers);

        var groups = await EventuallyAsync(async () =>
            (IReadOnlyList<Proto.DuplicateGroup>)(await _client.ListDuplicateGroupsAsync(new Proto.ListDuplicateGroupsRequest(), admin.Headers)).Groups);

        Assert.Contains(second.Name, Assert.Single(groups).Members.Select(m => m.Name));
    }

    [Fact]
    public async Task Groups_are_paged_highest_score_first()
    {
        var admin = server.Admin(TestData.NewTenant());
        await _client.CreateAccountAsync(TestData.Consumer("Ann Lee", phone: "+1 212 555 0101"), admin.Headers);
        await _client.CreateAccountAsync(TestData.Consumer("A. Lee", phone: "+1 212 555 0101").Confirmed(), admin.Headers);
        await _client.CreateAccountAsync(TestData.Consumer("Carl Jung", "carl@example.org"), admin.Headers);
        await _client.CreateAccountAsync(TestData.Consumer("Carl Jung", "carl@example.org").Confirmed(), admin.Headers);
        await _client.CreateAccountAsync(TestData.Consumer("Dora Maar", "dora@example.org", "+1 212 555 0102"), admin.Headers);
        await _client.CreateAccountAsync(TestData.Consumer("Dora Maar", "dora@example.org", "+1 212 555 0102").Confirmed(), admin.Headers);
        await _client.ListDuplicateGroupsAsync(new Proto.ListDuplicateGroupsRequest { RunScanNow = true, PageSize = 1 }, admin.Headers);

        var scores = new List<double>();
        var token = "";
        do
        {
            var page = await _client.ListDuplicateGroupsAsync(
                new Proto.ListDuplicateGroupsRequest { PageSize = 1, PageToken = token }, admin.Headers);
            scores.AddRange(page.Groups.Select(g => g.Score));
            token = page.NextPageToken;
        }
        while (token != "");
        var clamped = await _client.ListDuplicateGroupsAsync(new Proto.ListDuplicateGroupsRequest { PageSize = 1_000_000 }, admin.Headers);

        Assert.Equal(3, scores.Count);
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Equal(scores, clamped.Groups.Select(g => g.Score));
    }

    [Fact]
    public async Task Only_admins_and_sales_managers_may_run_a_scan_now_and_reps_see_no_names_of_records_they_may_not_read()
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);
        var rep = server.Rep(tenant);
        var own = await _client.CreateAccountAsync(TestData.Consumer("Wei Zhang", "wei.zhang@example.org"), rep.Headers);
        await _client.CreateAccountAsync(TestData.Consumer("Wei Zhang", "wei.zhang@example.org").OwnedBy("rep-9", "south").Confirmed(), admin.Headers);

        var denied = await TestData.FailsAsync(() => _client.ListDuplicateGroupsAsync(
            new Proto.ListDuplicateGroupsRequest { RunScanNow = true }, rep.Headers));
        var manager = server.User(tenant, "manager", [CrmPlatform.ServiceDefaults.Security.Roles.SalesManager], "north");
        await _client.ListDuplicateGroupsAsync(new Proto.ListDuplicateGroupsRequest { RunScanNow = true }, manager.Headers);
        var seenByRep = await _client.ListDuplicateGroupsAsync(new Proto.ListDuplicateGroupsRequest(), rep.Headers);
        var otherTenant = await _client.ListDuplicateGroupsAsync(
            new Proto.ListDuplicateGroupsRequest { RunScanNow = true }, server.Admin(TestData.NewTenant()).Headers);

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        var members = Assert.Single(seenByRep.Groups).Members;
        Assert.Equal("Wei Zhang", members.Single(m => m.Name == own.Name).DisplayName);
        Assert.Equal("", members.Single(m => m.Name != own.Name).DisplayName);
        Assert.Empty(otherTenant.Groups);
    }

    [Fact]
    public async Task Merged_records_drop_out_of_the_last_scans_groups()
    {
        var admin = server.Admin(TestData.NewTenant());
        var first = await _client.CreateAccountAsync(TestData.Consumer("Olga Berg", "olga@example.org"), admin.Headers);
        var second = await _client.CreateAccountAsync(TestData.Consumer("Olga Berg", "olga@example.org").Confirmed(), admin.Headers);
        await _client.ListDuplicateGroupsAsync(new Proto.ListDuplicateGroupsRequest { RunScanNow = true }, admin.Headers);

        await _client.MergeAccountsAsync(new Proto.MergeAccountsRequest { Survivor = first.Name, Merged = { second.Name } }, admin.Headers);
        var after = await _client.ListDuplicateGroupsAsync(new Proto.ListDuplicateGroupsRequest(), admin.Headers);

        Assert.Empty(after.Groups);
    }

    private static async Task<IReadOnlyList<T>> EventuallyAsync<T>(Func<Task<IReadOnlyList<T>>> read)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var found = await read();
            if (found.Count > 0 || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(200);
        }
    }
}
