using CrmPlatform.Grpc.Health.V1;
using CrmPlatform.Grpc.Reflection.V1;
using ServingStatus = CrmPlatform.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace CrmPlatform.Grpc.Tests.Interop;

/// <summary>Besides TestService, the interop server answers health checks and server reflection.</summary>
public sealed class InteropServerTests(InteropServerFixture server) : IClassFixture<InteropServerFixture>, IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{server.Port}");

    [Fact]
    public async Task HealthReportsTestServiceAsServing()
    {
        var client = new Health.V1.Health.HealthClient(_channel);

        var response = await client.CheckAsync(new HealthCheckRequest { Service = "grpc.testing.TestService" });

        Assert.Equal(ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task ReflectionListsTestServiceHealthAndReflection()
    {
        using var call = new ServerReflection.ServerReflectionClient(_channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("grpc.testing.TestService", services);
        Assert.Contains("grpc.health.v1.Health", services);
        Assert.Contains("grpc.reflection.v1.ServerReflection", services);
    }

    public void Dispose() => _channel.Dispose();
}
