using CrmPlatform.Grpc;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class IdicTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task Accounts_carry_a_value_tier_that_lists_filter_on()
    {
        var rep = server.Rep(TestData.NewTenant());
        var top = TestData.Company("Big Spender");
        top.Account.ValueTier = Proto.ValueTier.Top;
        var created = await _client.CreateAccountAsync(top, rep.Headers);
        var small = await _client.CreateAccountAsync(TestData.Company("Small Fry"), rep.Headers);

        await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = small.Name, ValueTier = Proto.ValueTier.Low },
        }, rep.Headers);
        var tops = await _client.ListAccountsAsync(new Proto.ListAccountsRequest { ValueTier = Proto.ValueTier.Top }, rep.Headers);

        Assert.Equal(Proto.ValueTier.Top, created.ValueTier);
        Assert.Equal([created.Name], tops.Accounts.Select(a => a.Name));
    }

    [Fact]
    public async Task Contacts_keep_a_preferred_channel_and_contact_times()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Acme"), rep.Headers);
        var request = TestData.Contact(account, "Mary", "Poppins");
        request.Contact.PreferredChannel = Proto.ContactChannel.Phone;
        request.Contact.ContactTimes = new Proto.ContactTimes
        {
            TimeZone = "Europe/London",
            Windows = { new Proto.ContactWindow { DayOfWeek = 5, StartTime = "14:00", EndTime = "16:00" }, new Proto.ContactWindow { DayOfWeek = 1, StartTime = "09:00", EndTime = "11:00" } },
        };

        var contact = await _client.CreateContactAsync(request, rep.Headers);
        var badZone = await TestData.FailsAsync(() => _client.UpdateContactAsync(new Proto.UpdateContactRequest
        {
            Contact = new Proto.Contact { Name = contact.Name, ContactTimes = new Proto.ContactTimes { TimeZone = "Narnia/Cair_Paravel" } },
        }, rep.Headers));
        var history = await _client.ListFieldChangesAsync(new Proto.ListFieldChangesRequest { Parent = contact.Name }, rep.Headers);

        Assert.Equal(Proto.ContactChannel.Phone, contact.PreferredChannel);
        Assert.Equal([1, 5], contact.ContactTimes.Windows.Select(w => w.DayOfWeek));
        Assert.Equal(contact, await _client.GetContactAsync(new Proto.GetContactRequest { Name = contact.Name }, rep.Headers));
        Assert.Equal(StatusCode.InvalidArgument, badZone.StatusCode);
        Assert.StartsWith("contact.contact_times.time_zone:", badZone.Status.Detail);
        Assert.Contains(history.Changes, c => c.Field == "contact_times" && c.NewValue == "Europe/London: Mon 09:00-11:00; Fri 14:00-16:00");
    }
}
