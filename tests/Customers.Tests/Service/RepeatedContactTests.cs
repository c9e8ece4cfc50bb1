using CrmPlatform.Grpc;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Customers.V1;
using static CrmPlatform.Customers.Tests.Service.InteractionData;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class RepeatedContactTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task A_second_outbound_attempt_at_the_same_person_within_a_week_is_flagged_with_the_earlier_one()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Sterling Cooper"), rep.Headers);
        var don = await _client.CreateContactAsync(TestData.Contact(account, "Don", "Draper"), rep.Headers);
        var peggy = await _client.CreateContactAsync(TestData.Contact(account, "Peggy", "Olson"), rep.Headers);

        var first = await _client.RecordInteractionAsync(Interaction(contact: don.Name, at: DaysAgo(3)), rep.Headers);
        var old = await _client.RecordInteractionAsync(Interaction(contact: don.Name, at: DaysAgo(30)), rep.Headers);
        var inbound = await _client.RecordInteractionAsync(
            Interaction(contact: don.Name, direction: Proto.InteractionDirection.Inbound, at: DaysAgo(2)), rep.Headers);
        var otherPerson = await _client.RecordInteractionAsync(Interaction(contact: peggy.Name, at: DaysAgo(1)), rep.Headers);
        var second = await _client.RecordInteractionAsync(
            Interaction(contact: don.Name, channel: Proto.InteractionChannel.Email), rep.Headers);

        Assert.True(second.RepeatedContact);
        Assert.Equal([first.Name], second.PreviousAttempts);
        Assert.All([first, old, inbound, otherPerson], i => Assert.False(i.RepeatedContact));
        var repeated = await _client.ListInteractionsAsync(
            new Proto.ListInteractionsRequest { Parent = account.Name, RepeatedOnly = true }, rep.Headers);
        Assert.Equal([second.Name], repeated.Interactions.Select(i => i.Name));
    }

    [Fact]
    public async Task Attempts_at_the_account_as_a_whole_count_against_each_other_only()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Lucky Strike"), rep.Headers);
        var contact = await _client.CreateContactAsync(TestData.Contact(account, "Lee", "Garner"), rep.Headers);
        await _client.RecordInteractionAsync(Interaction(contact: contact.Name, at: DaysAgo(1)), rep.Headers);

        var first = await _client.RecordInteractionAsync(Interaction(account.Name, channel: Proto.InteractionChannel.Letter, at: DaysAgo(1)), rep.Headers);
        var second = await _client.RecordInteractionAsync(Interaction(account.Name), rep.Headers);

        Assert.False(first.RepeatedContact);
        Assert.Equal([first.Name], second.PreviousAttempts);
    }

    [Fact]
    public async Task Two_first_policy_changes_of_different_fields_at_once_both_take_effect()
    {
        for (var round = 0; round < 10; round++)
        {
            var admin = server.Admin(TestData.NewTenant());
            var changes = await Task.WhenAll(
                _client.UpdateContactPolicyAsync(new Proto.UpdateContactPolicyRequest
                {
                    Policy = new Proto.ContactPolicy { RepeatedContactWindow = Duration.FromTimeSpan(TimeSpan.FromDays(3)) },
                }, admin.Headers).ResponseAsync,
                _client.UpdateContactPolicyAsync(new Proto.UpdateContactPolicyRequest
                {
                    Policy = new Proto.ContactPolicy { RepeatedContactThreshold = 4 },
                }, admin.Headers).ResponseAsync);

            var policy = await _client.GetContactPolicyAsync(new Proto.GetContactPolicyRequest(), admin.Headers);
            Assert.Equal((TimeSpan.FromDays(3), 4), (policy.RepeatedContactWindow.ToTimeSpan(), policy.RepeatedContactThreshold));
            Assert.Contains(changes, c => c.RepeatedContactWindow.ToTimeSpan() == TimeSpan.FromDays(3) && c.RepeatedContactThreshold == 4);
        }
    }

    [Fact]
    public async Task A_policy_update_changes_only_the_fields_its_mask_names()
    {
        var admin = server.Admin(TestData.NewTenant());
        await _client.UpdateContactPolicyAsync(new Proto.UpdateContactPolicyRequest
        {
            Policy = new Proto.ContactPolicy { RepeatedContactWindow = Duration.FromTimeSpan(TimeSpan.FromDays(3)), RepeatedContactThreshold = 4 },
        }, admin.Headers);

        var thresholdOnly = await _client.UpdateContactPolicyAsync(new Proto.UpdateContactPolicyRequest
        {
            Policy = new Proto.ContactPolicy { RepeatedContactWindow = Duration.FromTimeSpan(TimeSpan.FromDays(30)), RepeatedContactThreshold = 2 },
            UpdateMask = new FieldMask { Paths = { "repeated_contact_threshold" } },
        }, admin.Headers);
        var windowReset = await _client.UpdateContactPolicyAsync(new Proto.UpdateContactPolicyRequest
        {
            Policy = new Proto.ContactPolicy(),
            UpdateMask = new FieldMask { Paths = { "repeated_contact_window" } },
        }, admin.Headers);
        var unknownPath = await TestData.FailsAsync(() => _client.UpdateContactPolicyAsync(new Proto.UpdateContactPolicyRequest
        {
            Policy = new Proto.ContactPolicy(),
            UpdateMask = new FieldMask { Paths = { "window" } },
        }, admin.Headers));

        Assert.Equal((TimeSpan.FromDays(3), 2), (thresholdOnly.RepeatedContactWindow.ToTimeSpan(), thresholdOnly.RepeatedContactThreshold));
        Assert.Equal((TimeSpan.FromDays(7), 2), (windowReset.RepeatedContactWindow.ToTimeSpan(), windowReset.RepeatedContactThreshold));
        Assert.Equal(StatusCode.InvalidArgument, unknownPath.StatusCode);
        Assert.StartsWith("update_mask:", unknownPath.Status.Detail);
    }

    [Fact]
    public async Task The_tenant_policy_sets_the_window_and_threshold_and_only_an_admin_changes_it()
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);
        var rep = server.Rep(tenant);
        var account = await _client.CreateAccountAsync(TestData.Company("Sugarberry"), rep.Headers);
        var initial = await _client.GetContactPolicyAsync(new Proto.GetContactPolicyRequest(), rep.Headers);

        var updated = await _client.UpdateContactPolicyAsync(new Proto.UpdateContactPolicyRequest
        {
            Policy = new Proto.ContactPolicy { RepeatedContactWindow = Duration.FromTimeSpan(TimeSpan.FromDays(2)), RepeatedContactThreshold = 2 },
        }, admin.Headers);
        var byRep = await TestData.FailsAsync(() => _client.UpdateContactPolicyAsync(new Proto.UpdateContactPolicyRequest
        {
            Policy = new Proto.ContactPolicy { RepeatedContactWindow = Duration.FromTimeSpan(TimeSpan.FromDays(1)) },
        }, rep.Headers));
        var tooLong = await TestData.FailsAsync(() => _client.UpdateContactPolicyAsync(new Proto.UpdateContactPolicyRequest
        {
            Policy = new Proto.ContactPolicy { RepeatedContactWindow = Duration.FromTimeSpan(TimeSpan.FromDays(91)) },
        }, admin.Headers));
        var outside = await _client.RecordInteractionAsync(Interaction(account.Name, at: DaysAgo(3)), rep.Headers);
        var inside = await _client.RecordInteractionAsync(Interaction(account.Name, at: DaysAgo(1)), rep.Headers);
        var secondInside = await _client.RecordInteractionAsync(Interaction(account.Name, at: DaysAgo(0.5)), rep.Headers);
        var third = await _client.RecordInteractionAsync(Interaction(account.Name), rep.Headers);

        Assert.Equal((TimeSpan.FromDays(7), 1), (initial.RepeatedContactWindow.ToTimeSpan(), initial.RepeatedContactThreshold));
        Assert.Equal((TimeSpan.FromDays(2), 2), (updated.RepeatedContactWindow.ToTimeSpan(), updated.RepeatedContactThreshold));
        Assert.Equal(updated, await _client.GetContactPolicyAsync(new Proto.GetContactPolicyRequest(), rep.Headers));
        Assert.Equal(StatusCode.PermissionDenied, byRep.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, tooLong.StatusCode);
        Assert.StartsWith("policy.repeated_contact_window:", tooLong.Status.Detail);
        Assert.All([outside, inside, secondInside], i => Assert.False(i.RepeatedContact));
        Assert.Equal([inside.Name, secondInside.Name], third.PreviousAttempts);
    }
}
