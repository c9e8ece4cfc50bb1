using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Customers.V1;
using static CrmPlatform.Customers.Tests.Service.InteractionData;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class FollowUpTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task Due_follow_ups_are_on_their_owners_list_soonest_first_and_a_done_one_leaves_it()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Dunder Mifflin"), rep.Headers);
        var now = DateTimeOffset.UtcNow;
        var later = await _client.RecordInteractionAsync(Interaction(account.Name, subject: "later").WithFollowUp(now.AddDays(5)), rep.Headers);
        var soon = await _client.RecordInteractionAsync(Interaction(account.Name, subject: "soon").WithFollowUp(now.AddDays(1)), rep.Headers);
        var overdue = await _client.RecordInteractionAsync(Interaction(account.Name, subject: "overdue").WithFollowUp(now.AddDays(-2)), rep.Headers);
        await _client.RecordInteractionAsync(Interaction(account.Name, subject: "no follow-up"), rep.Headers);

        var open = await _client.ListFollowUpsAsync(new Proto.ListFollowUpsRequest(), rep.Headers);
        var completed = await _client.UpdateInteractionAsync(new Proto.UpdateInteractionRequest
        {
            Interaction = new Proto.Interaction { Name = soon.Name, FollowUp = new Proto.FollowUp { Done = true } },
            UpdateMask = TestData.Mask("follow_up.done"),
        }, rep.Headers);
        var remaining = await _client.ListFollowUpsAsync(new Proto.ListFollowUpsRequest(), rep.Headers);
        var dueThisWeek = await _client.ListFollowUpsAsync(
            new Proto.ListFollowUpsRequest { DueBefore = Timestamp.FromDateTimeOffset(now.AddDays(3)) }, rep.Headers);

        Assert.Equal([overdue.Name, soon.Name, later.Name], open.Interactions.Select(i => i.Name));
        Assert.True(completed.FollowUp.Done);
        Assert.NotNull(completed.FollowUp.DoneTime);
        Assert.Equal([overdue.Name, later.Name], remaining.Interactions.Select(i => i.Name));
        Assert.Equal([overdue.Name], dueThisWeek.Interactions.Select(i => i.Name));
    }

    [Fact]
    public async Task A_follow_up_assigned_to_a_colleague_is_on_their_list_and_they_may_complete_it()
    {
        var tenant = TestData.NewTenant();
        var manager = server.User(tenant, "manager", [Roles.SalesManager], "south");
        var agent = server.User(tenant, "agent-7", [Roles.ServiceAgent]);
        var rep = server.Rep(tenant);
        var account = await _client.CreateAccountAsync(TestData.Company("Vance Refrigeration").OwnedBy("manager", "south"), manager.Headers);
        var assigned = await _client.RecordInteractionAsync(
            Interaction(account.Name).WithFollowUp(DateTimeOffset.UtcNow.AddDays(1), owner: rep.UserId, note: "call back"), manager.Headers);

        var repList = await _client.ListFollowUpsAsync(new Proto.ListFollowUpsRequest(), rep.Headers);
        var managerList = await _client.ListFollowUpsAsync(new Proto.ListFollowUpsRequest(), manager.Headers);
        var done = await _client.UpdateInteractionAsync(new Proto.UpdateInteractionRequest
        {
            Interaction = new Proto.Interaction { Name = assigned.Name, FollowUp = new Proto.FollowUp { Done = true } },
        }, rep.Headers);
        var agentRecords = await _client.RecordInteractionAsync(
            Interaction(account.Name, direction: Proto.InteractionDirection.Inbound, purpose: Proto.InteractionPurpose.Service), agent.Headers);

        Assert.Equal([assigned.Name], repList.Interactions.Select(i => i.Name));
        Assert.Empty(managerList.Interactions);
        Assert.True(done.FollowUp.Done);
        Assert.Equal("agent-7", agentRecords.RecordedBy);
    }

    [Theory]
    [InlineData(Roles.Admin, "OK")]
    [InlineData(Roles.SalesManager, "OK")]
    [InlineData(Roles.SalesRep, "PD")]
    [InlineData(Roles.ServiceAgent, "PD")]
    [InlineData(Roles.Analyst, "PD")]
    public async Task Another_users_follow_ups_are_listed_to_admins_and_sales_managers_only(string role, string expected)
    {
        var tenant = TestData.NewTenant();
        var caller = server.User(tenant, "caller", [role], "north");
        var account = await _client.CreateAccountAsync(TestData.Company("Prestige Worldwide").OwnedBy("rep-1", "north"), server.Admin(tenant).Headers);
        var recorded = await _client.RecordInteractionAsync(
            Interaction(account.Name).WithFollowUp(DateTimeOffset.UtcNow.AddHours(4), owner: "rep-1"), server.Admin(tenant).Headers);

        string outcome;
        try
        {
            var list = await _client.ListFollowUpsAsync(new Proto.ListFollowUpsRequest { OwnerUserId = "rep-1" }, caller.Headers);
            outcome = list.Interactions.Single().Name == recorded.Name ? "OK" : "wrong list";
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.PermissionDenied)
        {
            outcome = "PD";
        }

        Assert.Equal(expected, outcome);
    }

    [Fact]
    public async Task A_sales_manager_sees_another_users_follow_ups_only_on_their_teams_accounts()
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);
        var manager = server.User(tenant, "manager", [Roles.SalesManager], "north");
        var north = await _client.CreateAccountAsync(TestData.Company("North Co").OwnedBy("rep-1", "north"), admin.Headers);
        var south = await _client.CreateAccountAsync(TestData.Company("South Co").OwnedBy("rep-2", "south"), admin.Headers);
        var due = DateTimeOffset.UtcNow.AddDays(1);
        var visible = await _client.RecordInteractionAsync(Interaction(north.Name).WithFollowUp(due, owner: "rep-1"), admin.Headers);
        await _client.RecordInteractionAsync(Interaction(south.Name).WithFollowUp(due, owner: "rep-1"), admin.Headers);

        var list = await _client.ListFollowUpsAsync(new Proto.ListFollowUpsRequest { OwnerUserId = "rep-1" }, manager.Headers);

        Assert.Equal([visible.Name], list.Interactions.Select(i => i.Name));
    }

    [Fact]
    public async Task Follow_ups_page_with_tokens()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Initrode"), rep.Headers);
        var names = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            names.Add((await _client.RecordInteractionAsync(
                Interaction(account.Name).WithFollowUp(DateTimeOffset.UtcNow.AddDays(5 - i)), rep.Headers)).Name);
        }

        var listed = new List<string>();
        var token = "";
        do
        {
            var page = await _client.ListFollowUpsAsync(new Proto.ListFollowUpsRequest { PageSize = 2, PageToken = token }, rep.Headers);
            listed.AddRange(page.Interactions.Select(i => i.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        names.Reverse();
        Assert.Equal(names, listed);
    }
}
