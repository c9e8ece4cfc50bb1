using CrmPlatform.Contracts.Customers.V1;
using CrmPlatform.Gateway.Tests.Identity;
using CrmPlatform.Grpc;
using CrmPlatform.Grpc.Reflection.V1;
using CrmPlatform.ServiceDefaults.Security;
using Google.Protobuf.Reflection;

namespace CrmPlatform.Gateway.Tests.Forwarding;

/// <summary>What an integrator's tooling (grpcurl, Postman) discovers at the gateway's gRPC endpoint.</summary>
[Collection(ProbeGatewayCollection.Name)]
public sealed class ReflectionThroughGatewayTests(ProbeGatewayFixture fixture)
{
    [Fact]
    public async Task Reflection_lists_the_routed_contract_services_and_the_gateways_own()
    {
        var response = await AskAsync(new ServerReflectionRequest { ListServices = "" });

        var services = response.ListServicesResponse.Service.Select(service => service.Name).ToList();
        Assert.Contains("crm.customers.v1.Customers", services);
        Assert.Contains("grpc.health.v1.Health", services);
        Assert.Contains("grpc.reflection.v1.ServerReflection", services);
        Assert.Contains("grpc.reflection.v1alpha.ServerReflection", services);
    }

    [Fact]
    public async Task Reflection_describes_a_routed_service_for_tools_to_build_requests()
    {
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = "crm.customers.v1.Customers" });

        var file = FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]);
        Assert.Equal("crm/customers/v1/customers.proto", file.Name);
        Assert.Contains(file.Service.Single().Method, method => method.Name == "GetAccount");
    }

    [Fact]
    public async Task Call_to_a_cluster_with_no_healthy_destination_is_unavailable_with_a_clear_message()
    {
        var client = new Customers.CustomersClient(fixture.Channel);
        var caller = new Caller("user-1", "tenant-1", new HashSet<string> { Roles.Admin }, new HashSet<string>());
        var token = new CallerTokens(GatewayServer.Auth, TimeProvider.System).Issue(caller, TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.GetAccountAsync(
            new GetAccountRequest { Name = "accounts/1" }, new Metadata { { "authorization", $"Bearer {token}" } }));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal("no healthy destination for cluster customers", error.Status.Detail);
    }

    private async Task<ServerReflectionResponse> AskAsync(ServerReflectionRequest request)
    {
        using var call = new ServerReflection.ServerReflectionClient(fixture.Channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return call.ResponseStream.Current;
    }
}
