using System.Text.RegularExpressions;
using CrmPlatform.Gateway.Identity;
using CrmPlatform.ServiceDefaults.Security;

namespace CrmPlatform.Gateway.Tests.Identity;

[Collection(GatewayCollection.Name)]
public sealed partial class FirstAdminTests(GatewayFixture fixture)
{
    [Fact]
    public async Task The_first_start_creates_an_admin_with_the_password_from_the_environment()
    {
        var gateway = await fixture.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["Gateway:AdminEmail"] = "Boss@Example.COM",
            ["Gateway:AdminPassword"] = "the operators chose this",
            ["Gateway:Tenant"] = "acme",
        });

        var session = await gateway.SignInAsync("boss@example.com", "the operators chose this");

        Assert.Equal([Roles.Admin], session.User.Roles);
        Assert.Equal("acme", session.User.TenantId);
        Assert.DoesNotContain(gateway.Logs.Lines, line => line.Contains("the operators chose this", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_configured_password_a_random_one_is_printed_once()
    {
        var database = "gateway_" + Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string?> { ["Gateway:AdminPassword"] = "" };
        var first = await fixture.StartGatewayAsync(settings, database);

        var lines = first.Logs.Lines.Where(line => line.Contains("One-time password", StringComparison.Ordinal)).ToList();
        var password = OneTimePassword().Match(Assert.Single(lines)).Groups["password"].Value;
        var session = await first.SignInAsync(GatewayServer.AdminEmail, password);
        var restarted = await fixture.StartGatewayAsync(settings, database);

        Assert.Equal([Roles.Admin], session.User.Roles);
        Assert.True(password.Length >= 12);
        Assert.DoesNotContain(restarted.Logs.Lines, line => line.Contains("first admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_development_the_documented_development_password_is_used()
    {
        var gateway = await fixture.StartGatewayAsync(new Dictionary<string, string?> { ["Gateway:AdminPassword"] = "" }, environment: "Development");

        var session = await gateway.SignInAsync(GatewayServer.AdminEmail, FirstAdmin.DevelopmentPassword);

        Assert.Equal([Roles.Admin], session.User.Roles);
    }

    [Fact]
    public async Task Two_replicas_starting_together_create_one_admin()
    {
        var database = "gateway_" + Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string?> { ["Gateway:AdminPassword"] = "" };

        var replicas = await Task.WhenAll(fixture.StartGatewayAsync(settings, database), fixture.StartGatewayAsync(settings, database));

        Assert.Equal(1, await replicas[0].ScalarAsync<long>("SELECT count(*) FROM users"));
        Assert.Single(replicas.SelectMany(replica => replica.Logs.Lines), line => line.Contains("One-time password", StringComparison.Ordinal));
    }

    [GeneratedRegex("One-time password: (?<password>[A-Za-z0-9]+) ")]
    private static partial Regex OneTimePassword();
}
