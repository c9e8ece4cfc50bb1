using CrmPlatform.Contracts.Events;
using CrmPlatform.Grpc;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Customers.V1;
using static CrmPlatform.Customers.Tests.Service.InteractionData;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class InteractionTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task An_interaction_keeps_its_touchpoint_direction_purpose_outcome_and_follow_up()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Pied Piper"), rep.Headers);
        var contact = await _client.CreateContactAsync(TestData.Contact(account, "Richard", "Hendricks"), rep.Headers);
        var when = DateTimeOffset.UtcNow.AddHours(-2);
        var due = DateTimeOffset.UtcNow.AddDays(3);
        var request = new Proto.RecordInteractionRequest
        {
            Interaction = new Proto.Interaction
            {
                Contact = contact.Name,
                Channel = Proto.InteractionChannel.Meeting,
                TouchpointType = Proto.TouchpointType.Human,
                TouchpointOwner = Proto.TouchpointOwner.Brand,
                Direction = Proto.InteractionDirection.Outbound,
                Purpose = Proto.InteractionPurpose.Sales,
                Outcome = Proto.InteractionOutcome.Interested,
                Subject = "  Demo   of the compression engine ",
                Notes = "Asked about pricing.\nWants a quote by Friday.",
                OccurTime = Timestamp.FromDateTimeOffset(when),
                FollowUp = new Proto.FollowUp { DueTime = Timestamp.FromDateTimeOffset(due), Note = "send the quote" },
            },
        };

        var recorded = await _client.RecordInteractionAsync(request, rep.Headers);

        Assert.StartsWith("interactions/", recorded.Name);
        Assert.Equal(account.Name, recorded.Account);
        Assert.Equal(contact.Name, recorded.Contact);
        Assert.Equal((Proto.InteractionChannel.Meeting, Proto.TouchpointType.Human, Proto.TouchpointOwner.Brand),
            (recorded.Channel, recorded.TouchpointType, recorded.TouchpointOwner));
        Assert.Equal((Proto.InteractionDirection.Outbound, Proto.InteractionPurpose.Sales, Proto.InteractionOutcome.Interested),
            (recorded.Direction, recorded.Purpose, recorded.Outcome));
        Assert.Equal("Demo of the compression engine", recorded.Subject);
        Assert.Equal("Asked about pricing.\nWants a quote by Friday.", recorded.Notes);
        Assert.Equal(when.ToUnixTimeMilliseconds(), recorded.OccurTime.ToDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal((rep.UserId, "customers", rep.TenantId), (recorded.RecordedBy, recorded.Source, recorded.TenantId));
        Assert.Equal((rep.UserId, "send the quote", false), (recorded.FollowUp.OwnerUserId, recorded.FollowUp.Note, recorded.FollowUp.Done));
        Assert.False(recorded.RepeatedContact);
        Assert.Equal(recorded, await _client.GetInteractionAsync(new Proto.GetInteractionRequest { Name = recorded.Name }, rep.Headers));
    }

    [Fact]
    public async Task An_interaction_without_a_time_happened_now_and_is_published_as_InteractionRecorded()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Hooli"), rep.Headers);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        var recorded = await _client.RecordInteractionAsync(
            Interaction(account.Name, channel: Proto.InteractionChannel.Web, direction: Proto.InteractionDirection.Inbound), rep.Headers);

        Assert.InRange(recorded.OccurTime.ToDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));
        var published = await server.Events.WaitForAsync<InteractionRecorded>(e => e.InteractionId == IdOf(recorded.Name));
        Assert.Equal((IdOf(account.Name), (Guid?)null, "Web", "Inbound", rep.UserId),
            (published.AccountId, published.ContactId, published.Channel, published.Direction, published.RecordedBy));
        Assert.True(await server.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE tenant_id = $1 AND resource_name = $2", rep.TenantId, recorded.Name) > 0);
    }

    [Fact]
    public async Task The_same_request_id_records_the_interaction_once()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Bachmanity"), rep.Headers);
        var request = Interaction(account.Name, subject: "Intro call");
        request.RequestId = Guid.NewGuid().ToString();

        var all = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ => await _client.RecordInteractionAsync(request, rep.Headers)));

        Assert.Single(all.Select(i => i.Name).Distinct());
        var timeline = await _client.ListInteractionsAsync(new Proto.ListInteractionsRequest { Parent = account.Name }, rep.Headers);
        Assert.Single(timeline.Interactions);
    }

    [Fact]
    public async Task An_update_changes_the_masked_fields_lists_their_history_and_refuses_a_stale_etag()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Raviga"), rep.Headers);
        var recorded = await _client.RecordInteractionAsync(Interaction(account.Name, subject: "Call about the fund"), rep.Headers);

        var updated = await _client.UpdateInteractionAsync(new Proto.UpdateInteractionRequest
        {
            Interaction = new Proto.Interaction
            {
                Name = recorded.Name, Etag = recorded.Etag, Outcome = Proto.InteractionOutcome.Reached, Notes = "Spoke to Laurie", Subject = "ignored",
            },
            UpdateMask = TestData.Mask("outcome", "notes"),
        }, rep.Headers);
        var stale = await TestData.FailsAsync(() => _client.UpdateInteractionAsync(new Proto.UpdateInteractionRequest
        {
            Interaction = new Proto.Interaction { Name = recorded.Name, Etag = recorded.Etag, Notes = "lost update" },
        }, rep.Headers));

        Assert.Equal((Proto.InteractionOutcome.Reached, "Spoke to Laurie", "Call about the fund"), (updated.Outcome, updated.Notes, updated.Subject));
        Assert.NotEqual(recorded.Etag, updated.Etag);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        var history = await _client.ListFieldChangesAsync(new Proto.ListFieldChangesRequest { Parent = recorded.Name }, rep.Headers);
        var otherTenant = await TestData.FailsAsync(() => _client.ListFieldChangesAsync(
            new Proto.ListFieldChangesRequest { Parent = recorded.Name }, server.Admin(TestData.NewTenant()).Headers));
        Assert.Contains(history.Changes, c => (c.Field, c.OldValue, c.NewValue, c.Version, c.ChangedBy) == ("outcome", "", "Reached", 2L, rep.UserId));
        Assert.Contains(history.Changes, c => (c.Field, c.NewValue, c.Version) == ("notes", "Spoke to Laurie", 2L));
        Assert.Contains(history.Changes, c => (c.Field, c.NewValue, c.Version) == ("subject", "Call about the fund", 1L));
        Assert.DoesNotContain(history.Changes, c => c.NewValue == "ignored");
        Assert.Equal(StatusCode.NotFound, otherTenant.StatusCode);
    }

    [Fact]
    public async Task The_account_timeline_holds_its_contacts_interactions_newest_first_in_pages_and_filters()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Endframe"), rep.Headers);
        var contact = await _client.CreateContactAsync(TestData.Contact(account, "Gavin", "Belson"), rep.Headers);
        var other = await _client.CreateAccountAsync(TestData.Company("Nucleus"), rep.Headers);
        var names = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var request = Interaction(i % 2 == 0 ? account.Name : "", i % 2 == 0 ? "" : contact.Name,
                channel: i == 4 ? Proto.InteractionChannel.Email : Proto.InteractionChannel.Call,
                purpose: Proto.InteractionPurpose.Information, direction: Proto.InteractionDirection.Inbound, at: DaysAgo(10 - i));
            names.Add((await _client.RecordInteractionAsync(request, rep.Headers)).Name);
        }

        await _client.RecordInteractionAsync(Interaction(other.Name), rep.Headers);

        var listed = new List<string>();
        var token = "";
        do
        {
            var page = await _client.ListInteractionsAsync(
                new Proto.ListInteractionsRequest { Parent = account.Name, PageSize = 2, PageToken = token }, rep.Headers);
            listed.AddRange(page.Interactions.Select(i => i.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        names.Reverse();
        Assert.Equal(names, listed);
        var ofContact = await _client.ListInteractionsAsync(new Proto.ListInteractionsRequest { Parent = contact.Name }, rep.Headers);
        Assert.Equal([names[1], names[3]], ofContact.Interactions.Select(i => i.Name));
        var emails = await _client.ListInteractionsAsync(
            new Proto.ListInteractionsRequest { Parent = account.Name, Channel = Proto.InteractionChannel.Email }, rep.Headers);
        Assert.Equal([names[0]], emails.Interactions.Select(i => i.Name));
        var sales = await _client.ListInteractionsAsync(
            new Proto.ListInteractionsRequest { Parent = account.Name, Purpose = Proto.InteractionPurpose.Sales }, rep.Headers);
        Assert.Empty(sales.Interactions);
    }

    [Fact]
    public async Task Interactions_of_another_tenant_do_not_exist_for_the_caller()
    {
        var rep = server.Rep(TestData.NewTenant());
        var stranger = server.Admin(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Aviato"), rep.Headers);
        var recorded = await _client.RecordInteractionAsync(Interaction(account.Name), rep.Headers);

        var get = await TestData.FailsAsync(() => _client.GetInteractionAsync(new Proto.GetInteractionRequest { Name = recorded.Name }, stranger.Headers));
        var record = await TestData.FailsAsync(() => _client.RecordInteractionAsync(Interaction(account.Name), stranger.Headers));
        var list = await TestData.FailsAsync(() => _client.ListInteractionsAsync(new Proto.ListInteractionsRequest { Parent = account.Name }, stranger.Headers));

        Assert.All([get, record, list], e => Assert.Equal(StatusCode.NotFound, e.StatusCode));
    }

    [Fact]
    public async Task Erasing_a_person_blanks_the_texts_of_their_interactions_but_keeps_them_on_the_timeline()
    {
        var admin = server.Admin(TestData.NewTenant());
        var familyName = "Quimby" + Guid.NewGuid().ToString("N")[..6];
        var account = await _client.CreateAccountAsync(TestData.Company("Springfield Nuclear"), admin.Headers);
        var contact = await _client.CreateContactAsync(TestData.Contact(account, "Joe", familyName), admin.Headers);
        var request = Interaction(contact: contact.Name, subject: "Call with " + familyName);
        request.Interaction.Notes = familyName + " asked for a discount";
        var recorded = await _client.RecordInteractionAsync(request, admin.Headers);

        await _client.EraseContactAsync(contact, admin);

        var kept = await _client.GetInteractionAsync(new Proto.GetInteractionRequest { Name = recorded.Name }, admin.Headers);
        Assert.Equal(("", ""), (kept.Subject, kept.Notes));
        Assert.Equal(0L, await server.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE new_value ILIKE '%' || $1 || '%' OR old_value ILIKE '%' || $1 || '%'", familyName));
    }
}
