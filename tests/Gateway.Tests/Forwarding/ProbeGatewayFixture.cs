using CrmPlatform.Grpc;

namespace CrmPlatform.Gateway.Tests.Forwarding;

/// <summary>
/// One probe destination, one OTLP intake and one gateway process routing <c>/gateway.probe.v1.Probe/*</c> to the
/// probe, shared by the forwarding tests of the <see cref="ProbeGatewayCollection"/>.
/// </summary>
public sealed class ProbeGatewayFixture : IAsyncLifetime
{
    private ProbeServer? _probe;
    private TraceCollector? _traces;
    private GatewayProcess? _gateway;
    private GrpcChannel? _channel;

    public ProbeServer Probe => _probe ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public TraceCollector Traces => _traces ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public GatewayProcess Gateway => _gateway ?? throw new InvalidOperationException("The fixture has not been initialised.");

    /// <summary>A channel to the gateway's integrator (h2c) endpoint.</summary>
    public GrpcChannel Channel => _channel ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public Probe.Probe.ProbeClient Client => new(Channel);

    public async Task InitializeAsync()
    {
        _probe = await ProbeServer.StartAsync();
        _traces = await TraceCollector.StartAsync();
        var settings = GatewayProcess.RouteToService("probe", "/gateway.probe.v1.Probe/{method}", [_probe.Address]);
        settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = _traces.Endpoint.ToString().TrimEnd('/');
        settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        settings["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        settings["OTEL_SERVICE_NAME"] = "gateway";
        _gateway = await GatewayProcess.StartAsync(settings);
        _channel = GrpcChannel.ForAddress(_gateway.GrpcAddress);
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_traces is not null)
        {
            await _traces.DisposeAsync();
        }

        if (_probe is not null)
        {
            await _probe.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ProbeGatewayCollection : ICollectionFixture<ProbeGatewayFixture>
{
    public const string Name = "probe gateway";
}
