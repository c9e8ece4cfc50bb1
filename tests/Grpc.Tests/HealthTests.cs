using CrmPlatform.Grpc.Health;
using CrmPlatform.Grpc.Health.V1;
using CrmPlatform.Grpc.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ServingStatus = CrmPlatform.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace CrmPlatform.Grpc.Tests;

public sealed class HealthTests : IAsyncLifetime
{
    private GrpcTestServer _server = null!;
    private Health.V1.Health.HealthClient _client = null!;

    private GrpcHealthState State => _server.Services.GetRequiredService<GrpcHealthState>();

    public async Task InitializeAsync()
    {
        _server = await GrpcTestServer.StartAsync(map: app => app.MapGrpcHealthChecksService());
        _client = new Health.V1.Health.HealthClient(_server.CreateChannel());
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task OverallHealthIsServingFromTheStart()
    {
        var response = await _client.CheckAsync(new HealthCheckRequest());

        Assert.Equal(ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task CheckReportsTheStatusSetForAService()
    {
        State.SetStatus("crm.customers.v1.Customers", ServingStatus.NotServing);

        var response = await _client.CheckAsync(new HealthCheckRequest { Service = "crm.customers.v1.Customers" });

        Assert.Equal(ServingStatus.NotServing, response.Status);
    }

    [Fact]
    public async Task CheckOfAnUnknownServiceIsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.CheckAsync(new HealthCheckRequest { Service = "nope" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task WatchSendsTheCurrentStatusThenEachChange()
    {
        State.SetStatus("svc", ServingStatus.Serving);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var call = _client.Watch(new HealthCheckRequest { Service = "svc" }, new CallOptions(cancellationToken: cts.Token));

        Assert.True(await call.ResponseStream.MoveNext(cts.Token));
        Assert.Equal(ServingStatus.Serving, call.ResponseStream.Current.Status);

        State.SetStatus("svc", ServingStatus.NotServing);
        Assert.True(await call.ResponseStream.MoveNext(cts.Token));
        Assert.Equal(ServingStatus.NotServing, call.ResponseStream.Current.Status);

        State.ClearStatus("svc");
        Assert.True(await call.ResponseStream.MoveNext(cts.Token));
        Assert.Equal(ServingStatus.ServiceUnknown, call.ResponseStream.Current.Status);
    }

    [Fact]
    public async Task WatchOfAnUnknownServiceStartsWithServiceUnknownAndSeesItAppear()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var call = _client.Watch(new HealthCheckRequest { Service = "later" }, new CallOptions(cancellationToken: cts.Token));

        Assert.True(await call.ResponseStream.MoveNext(cts.Token));
        Assert.Equal(ServingStatus.ServiceUnknown, call.ResponseStream.Current.Status);

        State.SetStatus("later", ServingStatus.Serving);
        Assert.True(await call.ResponseStream.MoveNext(cts.Token));
        Assert.Equal(ServingStatus.Serving, call.ResponseStream.Current.Status);
    }
}
