using CrmPlatform.Customers.Domain;
using CrmPlatform.ServiceDefaults.Security;

namespace CrmPlatform.Customers.Tests.Domain;

public sealed class InteractionAccessTests
{
    private static readonly Ownership SouthAccount = new("other", "south");

    private static Caller Caller(string role, params string[] teams) =>
        new("me", "t1", new HashSet<string> { role }, teams.ToHashSet());

    [Fact]
    public void Service_agents_record_interactions_on_any_account_while_other_read_only_roles_do_not()
    {
        AccessPolicy.EnsureCanRecordInteraction(Caller(Roles.ServiceAgent), SouthAccount, "accounts/x");

        Assert.Throws<AccessDeniedException>(() => AccessPolicy.EnsureCanRecordInteraction(Caller(Roles.Analyst), SouthAccount, "accounts/x"));
        Assert.Throws<AccessDeniedException>(() => AccessPolicy.EnsureCanRecordInteraction(Caller(Roles.Marketer), SouthAccount, "accounts/x"));
        Assert.Throws<AccessDeniedException>(() => AccessPolicy.EnsureCanRecordInteraction(Caller(Roles.SalesRep, "north"), SouthAccount, "accounts/x"));
    }

    [Fact]
    public void The_follow_up_owner_reads_and_completes_an_interaction_on_an_account_they_cannot_otherwise_read()
    {
        var rep = Caller(Roles.SalesRep, "north");

        Assert.True(AccessPolicy.CanReadInteraction(rep, SouthAccount, "manager", "me"));
        Assert.False(AccessPolicy.CanReadInteraction(rep, SouthAccount, "manager", "someone"));
        AccessPolicy.EnsureCanChangeInteraction(rep, SouthAccount, "manager", "me", "interactions/x");
        Assert.Throws<AccessDeniedException>(() => AccessPolicy.EnsureCanChangeInteraction(rep, SouthAccount, "manager", null, "interactions/x"));
    }

    [Fact]
    public void An_analyst_assigned_a_follow_up_still_changes_nothing()
    {
        Assert.Throws<AccessDeniedException>(() =>
            AccessPolicy.EnsureCanChangeInteraction(Caller(Roles.Analyst), SouthAccount, "manager", "me", "interactions/x"));
    }

    [Fact]
    public void Only_admins_and_sales_managers_list_someone_elses_follow_ups()
    {
        AccessPolicy.EnsureCanListFollowUpsOf(Caller(Roles.SalesRep), "me");
        AccessPolicy.EnsureCanListFollowUpsOf(Caller(Roles.SalesManager), "rep-1");

        Assert.Throws<AccessDeniedException>(() => AccessPolicy.EnsureCanListFollowUpsOf(Caller(Roles.SalesRep), "rep-1"));
        Assert.Throws<AccessDeniedException>(() => AccessPolicy.EnsureCanChangeTenantSettings(Caller(Roles.SalesManager), "contact policy"));
    }
}
