using CrmPlatform.Grpc;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class CustomFieldTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task Defined_custom_fields_are_stored_typed_filterable_and_updated_key_by_key()
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);
        var rep = server.Rep(tenant);
        await DefineStandardFieldsAsync(admin);
        var retail = TestData.Company("Shop Co");
        retail.Account.CustomFields.Add("industry", new Proto.CustomFieldValue { ChoiceValue = "retail" });
        retail.Account.CustomFields.Add("employees", new Proto.CustomFieldValue { NumberValue = 120 });
        retail.Account.CustomFields.Add("renewal_date", new Proto.CustomFieldValue { DateValue = "2027-01-31" });
        var bank = TestData.Company("Bank Co");
        bank.Account.CustomFields.Add("industry", new Proto.CustomFieldValue { ChoiceValue = "banking" });

        var created = await _client.CreateAccountAsync(retail, rep.Headers);
        await _client.CreateAccountAsync(bank, rep.Headers);
        var updated = await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account
            {
                Name = created.Name,
                CustomFields = { ["employees"] = new Proto.CustomFieldValue { NumberValue = 150 } },
            },
            UpdateMask = TestData.Mask("custom_fields.employees", "custom_fields.renewal_date"),
        }, rep.Headers);
        var retailers = await _client.ListAccountsAsync(new Proto.ListAccountsRequest
        {
            CustomFields = { ["industry"] = new Proto.CustomFieldValue { ChoiceValue = "retail" } },
        }, rep.Headers);
        var bigOnes = await _client.ListAccountsAsync(new Proto.ListAccountsRequest
        {
            CustomFields = { ["employees"] = new Proto.CustomFieldValue { NumberValue = 150 } },
        }, rep.Headers);

        Assert.Equal(120, created.CustomFields["employees"].NumberValue);
        Assert.Equal("2027-01-31", created.CustomFields["renewal_date"].DateValue);
        Assert.Equal(150, updated.CustomFields["employees"].NumberValue);
        Assert.False(updated.CustomFields.ContainsKey("renewal_date"));
        Assert.Equal("retail", updated.CustomFields["industry"].ChoiceValue);
        Assert.Equal(updated, await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = created.Name }, rep.Headers));
        Assert.Equal([created.Name], retailers.Accounts.Select(a => a.Name));
        Assert.Equal([created.Name], bigOnes.Accounts.Select(a => a.Name));
        var history = await _client.ListFieldChangesAsync(new Proto.ListFieldChangesRequest { Parent = created.Name }, rep.Headers);
        Assert.Contains(history.Changes, c => c.Field == "custom_fields.employees" && c.OldValue == "120" && c.NewValue == "150");
        Assert.Contains(history.Changes, c => c.Field == "custom_fields.renewal_date" && c.OldValue == "2027-01-31" && c.NewValue == "");
    }

    [Fact]
    public async Task An_unknown_custom_field_or_a_value_of_the_wrong_type_is_invalid_argument_naming_the_field()
    {
        var tenant = TestData.NewTenant();
        await DefineStandardFieldsAsync(server.Admin(tenant));
        var rep = server.Rep(tenant);
        var unknown = TestData.Company("Acme");
        unknown.Account.CustomFields.Add("colour", new Proto.CustomFieldValue { TextValue = "red" });
        var wrongType = TestData.Company("Acme");
        wrongType.Account.CustomFields.Add("employees", new Proto.CustomFieldValue { TextValue = "lots" });
        var notAChoice = TestData.Company("Acme");
        notAChoice.Account.CustomFields.Add("industry", new Proto.CustomFieldValue { ChoiceValue = "mining" });

        var errors = new[]
        {
            await TestData.FailsAsync(() => _client.CreateAccountAsync(unknown, rep.Headers)),
            await TestData.FailsAsync(() => _client.CreateAccountAsync(wrongType, rep.Headers)),
            await TestData.FailsAsync(() => _client.CreateAccountAsync(notAChoice, rep.Headers)),
            await TestData.FailsAsync(() => _client.ListAccountsAsync(new Proto.ListAccountsRequest
            {
                CustomFields = { ["colour"] = new Proto.CustomFieldValue { TextValue = "red" } },
            }, rep.Headers)),
        };

        Assert.All(errors, e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.StartsWith("account.custom_fields.colour:", errors[0].Status.Detail);
        Assert.StartsWith("account.custom_fields.employees:", errors[1].Status.Detail);
        Assert.StartsWith("account.custom_fields.industry:", errors[2].Status.Detail);
        Assert.StartsWith("custom_fields.colour:", errors[3].Status.Detail);
    }

    [Fact]
    public async Task Only_admins_define_fields_each_key_once_per_record_type_and_definitions_stay_in_their_tenant()
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);
        await DefineStandardFieldsAsync(admin);

        var byRep = await TestData.FailsAsync(() => _client.CreateCustomFieldDefinitionAsync(Definition("score", Proto.CustomFieldType.Number),
            server.Rep(tenant).Headers));
        var again = await TestData.FailsAsync(() => _client.CreateCustomFieldDefinitionAsync(Definition("industry", Proto.CustomFieldType.Text),
            admin.Headers));
        var forContacts = await _client.CreateCustomFieldDefinitionAsync(
            Definition("industry", Proto.CustomFieldType.Text, Proto.RecordType.Contact), admin.Headers);
        var listed = await _client.ListCustomFieldDefinitionsAsync(new Proto.ListCustomFieldDefinitionsRequest(), server.Rep(tenant).Headers);
        var elsewhere = await _client.ListCustomFieldDefinitionsAsync(
            new Proto.ListCustomFieldDefinitionsRequest(), server.Admin(TestData.NewTenant()).Headers);

        Assert.Equal(StatusCode.PermissionDenied, byRep.StatusCode);
        Assert.Equal(StatusCode.AlreadyExists, again.StatusCode);
        Assert.Equal(Proto.RecordType.Contact, forContacts.RecordType);
        Assert.Equal(
            ["employees", "industry", "is_partner", "renewal_date", "industry"],
            listed.Definitions.Select(d => d.Key));
        Assert.Equal(["retail", "banking"], listed.Definitions.First(d => d.Key == "industry").Choices);
        Assert.Empty(elsewhere.Definitions);
    }

    [Fact]
    public async Task Contacts_carry_their_own_custom_fields()
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);
        await _client.CreateCustomFieldDefinitionAsync(Definition("linkedin_follower", Proto.CustomFieldType.Bool, Proto.RecordType.Contact), admin.Headers);
        var account = await _client.CreateAccountAsync(TestData.Company("Acme"), admin.Headers);
        var request = TestData.Contact(account, "Ada", "Lovelace");
        request.Contact.CustomFields.Add("linkedin_follower", new Proto.CustomFieldValue { BoolValue = true });

        var contact = await _client.CreateContactAsync(request, admin.Headers);
        var followers = await _client.ListContactsAsync(new Proto.ListContactsRequest
        {
            CustomFields = { ["linkedin_follower"] = new Proto.CustomFieldValue { BoolValue = true } },
        }, admin.Headers);

        Assert.True(contact.CustomFields["linkedin_follower"].BoolValue);
        Assert.Equal([contact.Name], followers.Contacts.Select(c => c.Name));
    }

    private async Task DefineStandardFieldsAsync(TestUser admin)
    {
        var industry = Definition("industry", Proto.CustomFieldType.Choice);
        industry.Definition.Choices.Add(["retail", "banking"]);
        await _client.CreateCustomFieldDefinitionAsync(industry, admin.Headers);
        await _client.CreateCustomFieldDefinitionAsync(Definition("employees", Proto.CustomFieldType.Number), admin.Headers);
        await _client.CreateCustomFieldDefinitionAsync(Definition("renewal_date", Proto.CustomFieldType.Date), admin.Headers);
        await _client.CreateCustomFieldDefinitionAsync(Definition("is_partner", Proto.CustomFieldType.Bool), admin.Headers);
    }

    private static Proto.CreateCustomFieldDefinitionRequest Definition(
        string key, Proto.CustomFieldType type, Proto.RecordType recordType = Proto.RecordType.Account) => new()
    {
        Definition = new Proto.CustomFieldDefinition { Key = key, Type = type, RecordType = recordType, DisplayName = key.Replace('_', ' ') },
    };
}
