using CrmPlatform.Contracts.Events;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class AccountErasureTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task Erasing_a_person_blanks_the_consumer_account_named_after_them_and_its_history()
    {
        var admin = server.Admin(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Consumer("Mila Novak", "mila@example.org", "+1 415 555 0123"), admin.Headers);
        var contact = await _client.CreateContactAsync(TestData.Contact(account, "Mila", "Novak", "mila@example.org").Confirmed(), admin.Headers);

        await _client.EraseContactAsync(contact, admin);
        var erased = await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = account.Name }, admin.Headers);
        var history = await _client.ListFieldChangesAsync(new Proto.ListFieldChangesRequest { Parent = account.Name }, admin.Headers);

        Assert.Equal(("(erased)", "", ""), (erased.DisplayName, erased.Email, erased.Phone));
        Assert.Equal(Proto.AccountKind.Consumer, erased.Kind);
        Assert.All(history.Changes.Where(c => c.Field != "personal_data"), c => Assert.Equal(("", ""), (c.OldValue, c.NewValue)));
        Assert.Contains(history.Changes, c => c.Field == "personal_data" && c.NewValue == "erased");
        var accountId = Guid.Parse(account.Name["accounts/".Length..]);
        await server.Events.WaitForAsync<CustomerUpdated>(e => e.AccountId == accountId && e.ChangedFields.Contains("personal_data"));
    }

    [Fact]
    public async Task Erasing_a_person_blanks_the_interactions_recorded_with_their_consumer_account_as_a_whole()
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);
        var account = await _client.CreateAccountAsync(TestData.Consumer("Zelda Novak", "zelda@example.org"), admin.Headers);
        var contact = await _client.CreateContactAsync(TestData.Contact(account, "Zelda", "Novak", "zelda@example.org").Confirmed(), admin.Headers);
        var call = await _client.RecordInteractionAsync(
            InteractionData.Interaction(account: account.Name, subject: "Zelda Novak asked to move her delivery")
                .WithFollowUp(DateTimeOffset.UtcNow.AddDays(2), note: "Call Zelda back on 0415 555 0199"),
            admin.Headers);

        await _client.EraseContactAsync(contact, admin);
        var kept = await _client.GetInteractionAsync(new Proto.GetInteractionRequest { Name = call.Name }, admin.Headers);
        var history = await _client.ListFieldChangesAsync(new Proto.ListFieldChangesRequest { Parent = call.Name }, admin.Headers);

        Assert.Equal(("", "", ""), (kept.Subject, kept.Notes, kept.FollowUp.Note));
        Assert.Equal(Proto.InteractionChannel.Call, kept.Channel);
        Assert.All(history.Changes, c => Assert.Equal(("", ""), (c.OldValue, c.NewValue)));
        Assert.Equal(0L, await server.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE tenant_id = $1 AND (new_value LIKE '%Zelda%' OR old_value LIKE '%Zelda%')", tenant));
    }

    [Fact]
    public async Task A_consumer_account_named_after_someone_else_keeps_its_data()
    {
        var admin = server.Admin(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Consumer("Robert Jones", "robert@example.org"), admin.Headers);
        var contact = await _client.CreateContactAsync(TestData.Contact(account, "Alice", "Walker", "alice@example.org"), admin.Headers);

        await _client.EraseContactAsync(contact, admin);

        Assert.Equal("Robert Jones", (await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = account.Name }, admin.Headers)).DisplayName);
    }

    [Fact]
    public async Task A_household_with_other_members_keeps_its_name()
    {
        var admin = server.Admin(TestData.NewTenant());
        var household = await _client.CreateAccountAsync(new Proto.CreateAccountRequest
        {
            Account = new Proto.Account { Kind = Proto.AccountKind.Household, DisplayName = "The Kim household" },
        }, admin.Headers);
        var erasedKim = await _client.CreateContactAsync(TestData.Contact(household, "Ji-ho", "Kim", "jiho@example.org"), admin.Headers);
        await _client.CreateContactAsync(TestData.Contact(household, "Min-seo", "Kim", "minseo@example.org").Confirmed(), admin.Headers);

        await _client.EraseContactAsync(erasedKim, admin);

        Assert.Equal("The Kim household",
            (await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = household.Name }, admin.Headers)).DisplayName);
    }
}
