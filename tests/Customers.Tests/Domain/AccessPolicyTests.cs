using CrmPlatform.Customers.Domain;
using CrmPlatform.ServiceDefaults.Security;

namespace CrmPlatform.Customers.Tests.Domain;

public sealed class AccessPolicyTests
{
    private static Caller Caller(string role, params string[] teams) =>
        new("me", "t1", new HashSet<string> { role }, teams.ToHashSet());

    [Fact]
    public void New_records_default_to_the_caller_and_their_only_team()
    {
        Assert.Equal(new Ownership("me", "north"), AccessPolicy.DefaultOwnership(Caller(Roles.SalesRep, "north"), null, null));
        Assert.Equal(new Ownership("me", ""), AccessPolicy.DefaultOwnership(Caller(Roles.SalesRep, "north", "south"), null, null));
    }

    [Fact]
    public void A_sales_rep_reads_only_their_own_and_their_teams_records()
    {
        var rep = Caller(Roles.SalesRep, "north");

        Assert.True(AccessPolicy.CanRead(rep, new Ownership("me", "")));
        Assert.True(AccessPolicy.CanRead(rep, new Ownership("other", "north")));
        Assert.False(AccessPolicy.CanRead(rep, new Ownership("other", "south")));
        Assert.False(AccessPolicy.CanRead(rep, new Ownership("other", "")));
    }

    [Fact]
    public void Read_only_roles_read_everything_and_write_nothing()
    {
        foreach (var role in new[] { Roles.ServiceAgent, Roles.Analyst, Roles.Marketer })
        {
            Assert.True(AccessPolicy.ReadScopeOf(Caller(role)).All);
            Assert.Throws<AccessDeniedException>(() => AccessPolicy.EnsureCanWrite(Caller(role), new Ownership("me", ""), "accounts/x"));
        }
    }

    [Fact]
    public void A_caller_without_a_known_role_reads_nothing()
    {
        Assert.Throws<AccessDeniedException>(() => AccessPolicy.ReadScopeOf(Caller("guest")));
    }
}
