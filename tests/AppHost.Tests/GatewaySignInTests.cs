using CrmPlatform.AppHost.Tests.Infrastructure;
using CrmPlatform.Grpc;
using Customers = CrmPlatform.Contracts.Customers.V1;
using Identity = CrmPlatform.Contracts.Identity.V1;

namespace CrmPlatform.AppHost.Tests;

[Collection(PlatformCollection.Name)]
public sealed class GatewaySignInTests(DistributedAppFixture platform)
{
    [Fact]
    public async Task The_development_admin_signs_in_at_the_gateway_and_the_token_opens_the_customers_service()
    {
        var gateway = platform.CreateClient<Identity.Identity.IdentityClient>("gateway");

        var session = await gateway.SignInAsync(new Identity.SignInRequest { Email = "admin@crm.local", Password = "crm-development-admin" });
        var accounts = await platform.CreateClient<Customers.Customers.CustomersClient>("customers").ListAccountsAsync(
            new Customers.ListAccountsRequest(), new Metadata { { "authorization", "Bearer " + session.AccessToken } });

        Assert.Equal(["admin"], session.User.Roles);
        Assert.NotNull(accounts);
    }
}
