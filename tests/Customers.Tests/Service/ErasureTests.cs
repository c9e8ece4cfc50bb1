using CrmPlatform.Contracts.Events;
using CrmPlatform.Grpc;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class ErasureTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task After_erasure_no_text_column_of_the_database_holds_the_persons_data()
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);
        var familyName = "Zapruder" + Guid.NewGuid().ToString("N")[..6];
        var email = $"zelda.{familyName.ToLowerInvariant()}@example.org";
        var (contact, _) = await CreatePersonAsync(admin, familyName, email);
        var id = Guid.Parse(contact.Name["contacts/".Length..]);

        await _client.EraseContactAsync(contact, admin);

        Assert.Equal(StatusCode.NotFound, (await TestData.FailsAsync(
            () => _client.GetContactAsync(new Proto.GetContactRequest { Name = contact.Name }, admin.Headers))).StatusCode);
        Assert.Empty(await FindInEveryTextColumnAsync(familyName));
        Assert.Empty(await FindInEveryTextColumnAsync(email));
        Assert.Empty(await FindInEveryTextColumnAsync("4155550199"));
        var erased = await server.Events.WaitForAsync<PersonalDataErased>(e => e.ContactId == id);
        Assert.Equal(admin.UserId, erased.ErasedBy);
    }

    [Fact]
    public async Task After_erasure_no_import_row_or_import_error_names_the_person_and_other_rows_errors_stay()
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);
        var familyName = "Quimby" + Guid.NewGuid().ToString("N")[..6];
        var email = $"joe.{familyName.ToLowerInvariant()}@example.org";
        Proto.ImportRow Row(string key, string company, string accountEmail, params Proto.Contact[] contacts) => new()
        {
            RowKey = key,
            Account = new Proto.Account { Kind = Proto.AccountKind.Company, DisplayName = company, Email = accountEmail },
            Contacts = { contacts },
        };
        var joe = new Proto.Contact { GivenName = "Joe", FamilyName = familyName, Email = email };

        var failed = await ImportAsync(admin, Row(email, "Springfield Nuclear", "not-an-email", joe), Row("crm:other", "Shelbyville Power", "also-not-an-email"));
        await ImportAsync(admin, Row(email, "Springfield Nuclear", "", joe));
        var contact = (await _client.ListContactsAsync(new Proto.ListContactsRequest { Query = email }, admin.Headers)).Contacts.Single();
        await _client.EraseContactAsync(contact, admin);
        var afterErasure = await _client.GetImportAsync(new Proto.GetImportRequest { Name = failed.Name }, admin.Headers);

        Assert.Equal([email, "crm:other"], failed.Errors.Select(e => e.RowKey));
        Assert.Empty(await FindInEveryTextColumnAsync(email));
        Assert.Empty(await FindInEveryTextColumnAsync(familyName));
        Assert.Equal(["crm:other"], afterErasure.Errors.Select(e => e.RowKey));
        Assert.Equal(2, afterErasure.FailedRows);
    }

    [Fact]
    public async Task Erasing_a_merge_survivor_erases_what_the_duplicates_merged_into_it_held()
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);
        var familyName = "Quimby" + Guid.NewGuid().ToString("N")[..6];
        var homeEmail = $"joe.{familyName.ToLowerInvariant()}@home.example";
        var duplicate = new Proto.Contact { GivenName = "Joe", FamilyName = familyName, Email = homeEmail, Phone = "+1 415 555 0142" };
        await ImportAsync(admin, new Proto.ImportRow
        {
            RowKey = homeEmail,
            Account = new Proto.Account { Kind = Proto.AccountKind.Company, DisplayName = "Springfield Nuclear" },
            Contacts = { duplicate },
        });
        var imported = (await _client.ListContactsAsync(new Proto.ListContactsRequest { Query = homeEmail }, admin.Headers)).Contacts.Single();
        var (survivor, account) = await CreatePersonAsync(admin, familyName, $"joseph.{familyName.ToLowerInvariant()}@work.example");
        await _client.MergeContactsAsync(new Proto.MergeContactsRequest { Survivor = survivor.Name, Merged = { imported.Name } }, admin.Headers);

        await _client.EraseContactAsync(survivor, admin);
        var byHomeEmail = await TestData.FailsAsync(
            () => _client.CreateContactAsync(TestData.Contact(account, "Joe", "Q", homeEmail).Confirmed(), admin.Headers));
        var byHomePhone = TestData.Contact(account, "J.", "Q").Confirmed();
        byHomePhone.Contact.Phone = "+14155550142";
        var byPhone = await TestData.FailsAsync(() => _client.CreateContactAsync(byHomePhone, admin.Headers));

        Assert.Empty(await FindInEveryTextColumnAsync(homeEmail));
        Assert.Empty(await FindInEveryTextColumnAsync(familyName));
        Assert.Empty(await FindInEveryTextColumnAsync("4155550142"));
        Assert.Equal(StatusCode.FailedPrecondition, byHomeEmail.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, byPhone.StatusCode);
    }

    [Fact]
    public async Task A_merged_contacts_name_exports_and_erases_the_contact_it_was_merged_into()
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);
        var familyName = "Merged" + Guid.NewGuid().ToString("N")[..6];
        var (survivor, account) = await CreatePersonAsync(admin, familyName, $"zelda.{familyName.ToLowerInvariant()}@example.org");
        var duplicate = await _client.CreateContactAsync(TestData.Contact(account, "Zelda", familyName).Confirmed(), admin.Headers);
        await _client.MergeContactsAsync(new Proto.MergeContactsRequest { Survivor = survivor.Name, Merged = { duplicate.Name } }, admin.Headers);

        using var export = _client.ExportPersonalData(new Proto.ExportPersonalDataRequest { Contact = duplicate.Name }, admin.Headers);
        var exported = await export.ResponseStream.ReadAllAsync().FirstAsync();
        await _client.EraseContactAsync(duplicate, admin);

        Assert.Equal(survivor.Name, exported.Contact.Name);
        Assert.Empty(await FindInEveryTextColumnAsync(familyName));
    }

    [Fact]
    public async Task An_erased_person_comes_back_only_with_renewed_consent()
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);
        var (contact, account) = await CreatePersonAsync(admin, "Erasmus", "erasmus@example.org");
        await _client.EraseContactAsync(contact, admin);
        var again = TestData.Contact(account, "Desiderius", "Erasmus", "ERASMUS@example.org");

        var blocked = await TestData.FailsAsync(() => _client.CreateContactAsync(again, admin.Headers));
        again.ReconsentSource = "signed up again on the web form";
        var back = await _client.CreateContactAsync(again, admin.Headers);
        again.ReconsentSource = "";
        again.ConfirmNotDuplicate = true;
        var afterReconsent = await _client.CreateContactAsync(again, admin.Headers);

        Assert.Equal(StatusCode.FailedPrecondition, blocked.StatusCode);
        Assert.Contains("reconsent_source", blocked.Status.Detail);
        Assert.Equal("ERASMUS@example.org", back.Email);
        Assert.NotEqual(back.Name, afterReconsent.Name);
    }

    [Fact]
    public async Task Only_an_admin_of_the_tenant_can_erase()
    {
        var tenant = TestData.NewTenant();
        var (contact, _) = await CreatePersonAsync(server.Admin(tenant), "Keeper", "keeper@example.org");

        var byRep = await TestData.FailsAsync(() => _client.ErasePersonalDataAsync(
            new Proto.ErasePersonalDataRequest { Contact = contact.Name }, server.Rep(tenant).Headers));
        var byOtherTenant = await TestData.FailsAsync(() => _client.ErasePersonalDataAsync(
            new Proto.ErasePersonalDataRequest { Contact = contact.Name }, server.Admin(TestData.NewTenant()).Headers));

        Assert.Equal(StatusCode.PermissionDenied, byRep.StatusCode);
        Assert.Equal(StatusCode.NotFound, byOtherTenant.StatusCode);
        Assert.Equal("Keeper", (await _client.GetContactAsync(new Proto.GetContactRequest { Name = contact.Name }, server.Admin(tenant).Headers)).FamilyName);
    }

    /// <summary>
    /// The person, with their consumer account and a household of their own both named after them (which erasure
    /// erases too), a works-for relationship, consent and history.
    /// </summary>
    private async Task<(Proto.Contact Contact, Proto.Account Account)> CreatePersonAsync(TestUser admin, string familyName, string email)
    {
        var consumer = TestData.Consumer("Zelda " + familyName, email.ToUpperInvariant(), "+1 415 555 0199").Confirmed();
        consumer.Account.Address = new Proto.PostalAddress { RegionCode = "US", PostalCode = "94103", AddressLines = { "2 " + familyName + " Lane" } };
        var account = await _client.CreateAccountAsync(consumer, admin.Headers);
        await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = account.Name, DisplayName = "Zelda Z. " + familyName },
        }, admin.Headers);
        var employer = await _client.CreateAccountAsync(TestData.Company("Employer " + Guid.NewGuid().ToString("N")[..6]), admin.Headers);
        var household = await _client.CreateAccountAsync(new Proto.CreateAccountRequest
        {
            Account = new Proto.Account { Kind = Proto.AccountKind.Household, DisplayName = "The " + familyName + " household" },
        }, admin.Headers);
        var request = TestData.Contact(account, "Zelda", familyName, email);
        request.Contact.Phone = "+1 415 555 0199";
        request.Contact.JobTitle = "Director";
        request.Contact.Address = new Proto.PostalAddress { RegionCode = "US", PostalCode = "94103", AddressLines = { "1 " + familyName + " Street" } };
        request.ConfirmNotDuplicate = true;
        var contact = await _client.CreateContactAsync(request, admin.Headers);
        await _client.UpdateContactAsync(new Proto.UpdateContactRequest
        {
            Contact = new Proto.Contact { Name = contact.Name, GivenName = "Zelda Z." },
        }, admin.Headers);
        await _client.CreateRelationshipAsync(new Proto.CreateRelationshipRequest
        {
            Relationship = new Proto.Relationship
            {
                Type = Proto.RelationshipType.HouseholdMember, Contact = contact.Name, Target = household.Name, Description = familyName + " family",
            },
        }, admin.Headers);
        await _client.CreateRelationshipAsync(new Proto.CreateRelationshipRequest
        {
            Relationship = new Proto.Relationship { Type = Proto.RelationshipType.WorksFor, Contact = contact.Name, Target = employer.Name },
        }, admin.Headers);
        await _client.RecordConsentAsync(new Proto.RecordConsentRequest
        {
            Contact = contact.Name, Purpose = Proto.ConsentPurpose.MarketingEmail, Granted = true, Source = "form filled by " + familyName,
        }, admin.Headers);
        return (contact, account);
    }

    private async Task<Proto.ImportJob> ImportAsync(TestUser user, params Proto.ImportRow[] rows)
    {
        using var call = _client.ImportCustomers(user.Headers);
        await call.RequestStream.WriteAsync(new Proto.ImportCustomersRequest { ImportId = Guid.NewGuid().ToString(), Rows = { rows } });
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    /// <summary>"table.column" for every text, varchar, jsonb or array column of the public schema containing <paramref name="needle"/>.</summary>
    private async Task<List<string>> FindInEveryTextColumnAsync(string needle)
    {
        var columns = new List<(string Table, string Column)>();
        await using (var list = server.Database.CreateCommand(
            """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'ARRAY')
            """))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var found = new List<string>();
        foreach (var (table, column) in columns)
        {
            var hits = await server.ScalarAsync<long>(
                $"SELECT count(*) FROM \"{table}\" WHERE \"{column}\"::text ILIKE '%' || $1 || '%'", needle);
            if (hits > 0)
            {
                found.Add($"{table}.{column}");
            }
        }

        return found;
    }
}

internal static class ErasureCalls
{
    public static async Task EraseContactAsync(this Proto.Customers.CustomersClient client, Proto.Contact contact, TestUser admin) =>
        await client.ErasePersonalDataAsync(new Proto.ErasePersonalDataRequest { Contact = contact.Name }, admin.Headers);
}
