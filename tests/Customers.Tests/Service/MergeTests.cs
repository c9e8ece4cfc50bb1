using CrmPlatform.Contracts.Events;
using CrmPlatform.Grpc;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class MergeTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task A_merge_takes_each_field_from_the_record_the_caller_chose_and_unites_the_tags()
    {
        var admin = server.Admin(TestData.NewTenant());
        await _client.CreateCustomFieldDefinitionAsync(new Proto.CreateCustomFieldDefinitionRequest
        {
            Definition = new Proto.CustomFieldDefinition { Key = "segment", RecordType = Proto.RecordType.Account, Type = Proto.CustomFieldType.Text },
        }, admin.Headers);
        var john = TestData.Consumer("John Smith", "JON.SMITH@ACME.COM");
        john.Account.Tags.Add("vip");
        john.Account.CustomFields.Add("segment", new Proto.CustomFieldValue { TextValue = "retail" });
        var survivor = await _client.CreateAccountAsync(john, admin.Headers);
        var jon = TestData.Consumer("Jon Smith", "jon.smith@acme.com", "+1 415 555 0100").Confirmed();
        jon.Account.Tags.Add("newsletter");
        jon.Account.CustomFields.Add("segment", new Proto.CustomFieldValue { TextValue = "wholesale" });
        var merged = await _client.CreateAccountAsync(jon, admin.Headers);

        var result = await _client.MergeAccountsAsync(new Proto.MergeAccountsRequest
        {
            Survivor = survivor.Name,
            Merged = { merged.Name },
            FieldSources = { ["phone"] = merged.Name, ["email"] = merged.Name, ["custom_fields.segment"] = merged.Name },
            Etag = survivor.Etag,
        }, admin.Headers);

        Assert.Equal(survivor.Name, result.Name);
        Assert.Equal("John Smith", result.DisplayName);
        Assert.Equal("jon.smith@acme.com", result.Email);
        Assert.Equal("+14155550100", result.Phone);
        Assert.Equal(["vip", "newsletter"], result.Tags);
        Assert.Equal("wholesale", result.CustomFields["segment"].TextValue);
        Assert.Equal([merged.Name], result.MergedNames);
        Assert.NotEqual(survivor.Etag, result.Etag);
    }

    [Fact]
    public async Task A_merged_account_keeps_resolving_to_the_survivor_and_only_the_survivor_is_listed()
    {
        var admin = server.Admin(TestData.NewTenant());
        var (survivor, merged) = await TwinAccountsAsync(admin, "Olga Berg");
        await _client.MergeAccountsAsync(new Proto.MergeAccountsRequest { Survivor = survivor.Name, Merged = { merged.Name } }, admin.Headers);

        var resolved = await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = merged.Name }, admin.Headers);
        var listed = await _client.ListAccountsAsync(new Proto.ListAccountsRequest(), admin.Headers);
        var searched = await _client.ListAccountsAsync(new Proto.ListAccountsRequest { Query = "olga" }, admin.Headers);

        Assert.Equal(survivor.Name, resolved.Name);
        Assert.Equal([survivor.Name], listed.Accounts.Select(a => a.Name));
        Assert.Equal([survivor.Name], searched.Accounts.Select(a => a.Name));
    }

    [Fact]
    public async Task Merging_accounts_moves_their_contacts_and_relationships_to_the_survivor()
    {
        var admin = server.Admin(TestData.NewTenant());
        var survivor = await _client.CreateAccountAsync(TestData.Company("Acme", domain: "acme.com"), admin.Headers);
        var merged = await _client.CreateAccountAsync(TestData.Company("ACME Inc", domain: "acme.com").Confirmed(), admin.Headers);
        var ada = await _client.CreateContactAsync(TestData.Contact(merged, "Ada", "Lovelace"), admin.Headers);
        var grace = await _client.CreateContactAsync(TestData.Contact(survivor, "Grace", "Hopper"), admin.Headers);
        var worksForBoth = await RelateAsync(admin, Proto.RelationshipType.WorksFor, grace, merged.Name);
        await RelateAsync(admin, Proto.RelationshipType.WorksFor, grace, survivor.Name);

        await _client.MergeAccountsAsync(new Proto.MergeAccountsRequest { Survivor = survivor.Name, Merged = { merged.Name } }, admin.Headers);
        var contacts = await _client.ListContactsAsync(new Proto.ListContactsRequest { Account = survivor.Name }, admin.Headers);
        var relationships = await _client.ListRelationshipsAsync(new Proto.ListRelationshipsRequest { Parent = survivor.Name }, admin.Headers);
        var adaHistory = await _client.ListFieldChangesAsync(new Proto.ListFieldChangesRequest { Parent = ada.Name }, admin.Headers);

        Assert.Equal([ada.Name, grace.Name], contacts.Contacts.Select(c => c.Name).Order());
        Assert.Equal(survivor.Name, contacts.Contacts.Single(c => c.Name == ada.Name).Account);
        var worksFor = Assert.Single(relationships.Relationships);
        Assert.Equal(grace.Name, worksFor.Contact);
        Assert.NotEqual(worksForBoth.Name, worksFor.Name);
        Assert.Contains(adaHistory.Changes, c => c.Field == "account" && c.OldValue == merged.Name && c.NewValue == survivor.Name);
    }

    [Fact]
    public async Task The_survivors_history_records_the_merge_and_keeps_the_merged_records_history()
    {
        var admin = server.Admin(TestData.NewTenant());
        var (survivor, merged) = await TwinAccountsAsync(admin, "Ingrid Bauer");
        await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = merged.Name, Domain = "bauer.de" },
        }, admin.Headers);

        await _client.MergeAccountsAsync(new Proto.MergeAccountsRequest
        {
            Survivor = survivor.Name, Merged = { merged.Name }, FieldSources = { ["domain"] = merged.Name },
        }, admin.Headers);
        var history = await _client.ListFieldChangesAsync(new Proto.ListFieldChangesRequest { Parent = survivor.Name }, admin.Headers);

        Assert.Contains(history.Changes, c => c.Field == "merged" && c.NewValue == merged.Name && c.ChangedBy == admin.UserId);
        Assert.Contains(history.Changes, c => c.Field == "domain" && c.OldValue == "" && c.NewValue == "bauer.de" && c.Version == 2);
        Assert.Equal(2, history.Changes.Count(c => c.Field == "display_name" && c.OldValue == ""));
    }

    [Fact]
    public async Task A_merge_publishes_CustomerMerged()
    {
        var admin = server.Admin(TestData.NewTenant());
        var (survivor, merged) = await TwinAccountsAsync(admin, "Kofi Mensah");

        await _client.MergeAccountsAsync(new Proto.MergeAccountsRequest { Survivor = survivor.Name, Merged = { merged.Name } }, admin.Headers);

        var survivorId = Guid.Parse(survivor.Name["accounts/".Length..]);
        var published = await server.Events.WaitForAsync<CustomerMerged>(e => e.SurvivorId == survivorId);
        Assert.Equal([Guid.Parse(merged.Name["accounts/".Length..])], published.MergedIds);
        Assert.Equal("account", published.RecordType);
        Assert.Equal(admin.TenantId, published.TenantId);
        Assert.Equal(admin.UserId, published.MergedBy);
    }

    [Fact]
    public async Task Merging_contacts_keeps_their_consent_relationships_and_history()
    {
        var admin = server.Admin(TestData.NewTenant());
        var acme = await _client.CreateAccountAsync(TestData.Company("Acme", domain: "acme.com"), admin.Headers);
        var household = await _client.CreateAccountAsync(new Proto.CreateAccountRequest
        {
            Account = new Proto.Account { Kind = Proto.AccountKind.Household, DisplayName = "The Smiths" },
        }, admin.Headers);
        var john = await _client.CreateContactAsync(TestData.Contact(acme, "John", "Smith", "JON.SMITH@ACME.COM"), admin.Headers);
        var jonRequest = TestData.Contact(acme, "Jon", "Smith", "jon.smith@acme.com");
        jonRequest.ConfirmNotDuplicate = true;
        jonRequest.Contact.JobTitle = "Buyer";
        var jon = await _client.CreateContactAsync(jonRequest, admin.Headers);
        var boss = await _client.CreateContactAsync(TestData.Contact(acme, "Mary", "Major"), admin.Headers);
        await RelateAsync(admin, Proto.RelationshipType.HouseholdMember, jon, household.Name);
        await RelateAsync(admin, Proto.RelationshipType.ReportsTo, jon, boss.Name);
        await RelateAsync(admin, Proto.RelationshipType.ReportsTo, john, jon.Name);
        await _client.RecordConsentAsync(new Proto.RecordConsentRequest
        {
            Contact = john.Name, Purpose = Proto.ConsentPurpose.Sms, Granted = true, Source = "web form",
        }, admin.Headers);
        await _client.RecordConsentAsync(new Proto.RecordConsentRequest
        {
            Contact = jon.Name, Purpose = Proto.ConsentPurpose.MarketingEmail, Granted = true, Source = "trade fair",
        }, admin.Headers);

        var result = await _client.MergeContactsAsync(new Proto.MergeContactsRequest
        {
            Survivor = john.Name, Merged = { jon.Name }, FieldSources = { ["job_title"] = jon.Name },
        }, admin.Headers);
        var consents = await _client.ListConsentsAsync(new Proto.ListConsentsRequest { Contact = john.Name }, admin.Headers);
        var relationships = await _client.ListRelationshipsAsync(new Proto.ListRelationshipsRequest { Parent = john.Name }, admin.Headers);
        var history = await _client.ListFieldChangesAsync(new Proto.ListFieldChangesRequest { Parent = john.Name }, admin.Headers);
        var resolved = await _client.GetContactAsync(new Proto.GetContactRequest { Name = jon.Name }, admin.Headers);
        var listed = await _client.ListContactsAsync(new Proto.ListContactsRequest { Account = acme.Name }, admin.Headers);

        Assert.Equal("Buyer", result.JobTitle);
        Assert.Equal([jon.Name], result.MergedNames);
        Assert.Equal([Proto.ConsentPurpose.MarketingEmail, Proto.ConsentPurpose.Sms], consents.Current.Select(c => c.Purpose));
        Assert.All(consents.Ledger, c => Assert.Equal(john.Name, c.Contact));
        Assert.Equal(
            [(Proto.RelationshipType.HouseholdMember, household.Name), (Proto.RelationshipType.ReportsTo, boss.Name)],
            relationships.Relationships.Select(r => (r.Type, r.Target)).OrderBy(r => r.Type));
        Assert.Contains(history.Changes, c => c.Field == "given_name" && c.NewValue == "Jon");
        Assert.Contains(history.Changes, c => c.Field == "merged" && c.NewValue == jon.Name);
        Assert.Equal(john.Name, resolved.Name);
        Assert.Equal([john.Name, boss.Name], listed.Contacts.Select(c => c.Name));
    }

    [Fact]
    public async Task Merging_contacts_whose_reporting_lines_would_close_a_cycle_is_refused_and_changes_nothing()
    {
        var admin = server.Admin(TestData.NewTenant());
        var acme = await _client.CreateAccountAsync(TestData.Company("Acme", domain: "acme.com"), admin.Headers);
        var john = await _client.CreateContactAsync(TestData.Contact(acme, "John", "Smith", "JON.SMITH@ACME.COM"), admin.Headers);
        var jonRequest = TestData.Contact(acme, "Jon", "Smith", "jon.smith@acme.com");
        jonRequest.ConfirmNotDuplicate = true;
        var jon = await _client.CreateContactAsync(jonRequest, admin.Headers);
        var mary = await _client.CreateContactAsync(TestData.Contact(acme, "Mary", "Major"), admin.Headers);
        await RelateAsync(admin, Proto.RelationshipType.ReportsTo, john, mary.Name);
        await RelateAsync(admin, Proto.RelationshipType.ReportsTo, mary, jon.Name);

        var refused = await Assert.ThrowsAsync<RpcException>(() => _client.MergeContactsAsync(
            new Proto.MergeContactsRequest { Survivor = john.Name, Merged = { jon.Name } }, admin.Headers).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(
            $"merged: would make {john.Name} report to itself: {john.Name} reports to {mary.Name} reports to {john.Name}. "
            + "Delete one of these reports-to relationships first.",
            refused.Status.Detail);
        Assert.Equal(jon.Name, (await _client.GetContactAsync(new Proto.GetContactRequest { Name = jon.Name }, admin.Headers)).Name);
        var marysLines = await _client.ListRelationshipsAsync(new Proto.ListRelationshipsRequest { Parent = mary.Name }, admin.Headers);
        Assert.Equal(
            [(john.Name, mary.Name), (mary.Name, jon.Name)],
            marysLines.Relationships.Select(r => (r.Contact, r.Target)).Order());
    }

    [Fact]
    public async Task A_merge_racing_a_new_reports_to_link_never_leaves_a_reporting_cycle()
    {
        var admin = server.Admin(TestData.NewTenant());
        var acme = await _client.CreateAccountAsync(TestData.Company("Acme", domain: "acme.com"), admin.Headers);
        for (var round = 0; round < 5; round++)
        {
            var john = await _client.CreateContactAsync(TestData.Contact(acme, "John", $"Smith{round}").Confirmed(), admin.Headers);
            var jon = await _client.CreateContactAsync(TestData.Contact(acme, "Jon", $"Smith{round}").Confirmed(), admin.Headers);
            var mary = await _client.CreateContactAsync(TestData.Contact(acme, "Mary", $"Major{round}").Confirmed(), admin.Headers);
            await RelateAsync(admin, Proto.RelationshipType.ReportsTo, john, mary.Name);

            var link = Outcome(RelateAsync(admin, Proto.RelationshipType.ReportsTo, mary, jon.Name));
            var merge = Outcome(_client.MergeContactsAsync(
                new Proto.MergeContactsRequest { Survivor = john.Name, Merged = { jon.Name } }, admin.Headers).ResponseAsync);
            var outcomes = await Task.WhenAll(link, merge);

            Assert.Single(outcomes, StatusCode.OK);
            Assert.Contains(outcomes, code => code is StatusCode.InvalidArgument or StatusCode.NotFound);
        }
    }

    [Fact]
    public async Task A_stale_survivor_etag_is_aborted_and_changes_nothing()
    {
        var admin = server.Admin(TestData.NewTenant());
        var (survivor, merged) = await TwinAccountsAsync(admin, "Lena Kraus");
        await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = survivor.Name, Domain = "kraus.de" },
        }, admin.Headers);

        var error = await TestData.FailsAsync(() => _client.MergeAccountsAsync(new Proto.MergeAccountsRequest
        {
            Survivor = survivor.Name, Merged = { merged.Name }, Etag = survivor.Etag,
        }, admin.Headers));

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal(merged.Name, (await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = merged.Name }, admin.Headers)).Name);
    }

    [Fact]
    public async Task A_merge_needs_write_access_to_every_record_and_other_tenants_records_do_not_exist()
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);
        var rep = server.Rep(tenant);
        var own = await _client.CreateAccountAsync(TestData.Consumer("Nina Simone", "nina@example.org"), rep.Headers);
        var others = await _client.CreateAccountAsync(
            TestData.Consumer("Nina Simone", "nina@example.org").OwnedBy("rep-9", "south").Confirmed(), admin.Headers);
        var foreign = await _client.CreateAccountAsync(TestData.Consumer("Nina Simone", "nina@example.org"), server.Admin(TestData.NewTenant()).Headers);

        var denied = await TestData.FailsAsync(() => _client.MergeAccountsAsync(
            new Proto.MergeAccountsRequest { Survivor = own.Name, Merged = { others.Name } }, rep.Headers));
        var notFound = await TestData.FailsAsync(() => _client.MergeAccountsAsync(
            new Proto.MergeAccountsRequest { Survivor = own.Name, Merged = { foreign.Name } }, admin.Headers));

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(others.Name, (await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = others.Name }, admin.Headers)).Name);
    }

    [Fact]
    public async Task A_chain_of_merges_resolves_every_merged_name_to_the_last_survivor()
    {
        var admin = server.Admin(TestData.NewTenant());
        var (first, second) = await TwinAccountsAsync(admin, "Tariq Aziz");
        var third = await _client.CreateAccountAsync(TestData.Consumer("Tariq Aziz", "tariq.aziz@example.org").Confirmed(), admin.Headers);

        await _client.MergeAccountsAsync(new Proto.MergeAccountsRequest { Survivor = second.Name, Merged = { first.Name } }, admin.Headers);
        var last = await _client.MergeAccountsAsync(new Proto.MergeAccountsRequest { Survivor = third.Name, Merged = { second.Name } }, admin.Headers);

        Assert.Equal([first.Name, second.Name], last.MergedNames.Order());
        Assert.Equal(third.Name, (await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = first.Name }, admin.Headers)).Name);
    }

    private async Task<(Proto.Account Survivor, Proto.Account Merged)> TwinAccountsAsync(TestUser admin, string name)
    {
        var email = name.Replace(' ', '.').ToLowerInvariant() + "@example.org";
        var survivor = await _client.CreateAccountAsync(TestData.Consumer(name, email), admin.Headers);
        var merged = await _client.CreateAccountAsync(TestData.Consumer(name, email.ToUpperInvariant()).Confirmed(), admin.Headers);
        return (survivor, merged);
    }

    private static async Task<StatusCode> Outcome<T>(Task<T> call)
    {
        try
        {
            await call;
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private async Task<Proto.Relationship> RelateAsync(TestUser user, Proto.RelationshipType type, Proto.Contact contact, string target) =>
        await _client.CreateRelationshipAsync(new Proto.CreateRelationshipRequest
        {
            Relationship = new Proto.Relationship { Type = type, Contact = contact.Name, Target = target },
        }, user.Headers);
}
