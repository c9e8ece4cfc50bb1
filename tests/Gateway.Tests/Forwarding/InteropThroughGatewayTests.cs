extern alias interop;

using interop::CrmPlatform.Grpc.Interop;

namespace CrmPlatform.Gateway.Tests.Forwarding;

/// <summary>
/// Every case of the standard gRPC interop suite (unary, client, server and duplex streaming, compression,
/// cancellation, timeouts, metadata, status) through the gateway to an interop TestService process.
/// </summary>
public sealed class InteropThroughGatewayTests(InteropThroughGatewayTests.Setup setup) : IClassFixture<InteropThroughGatewayTests.Setup>
{
    public static TheoryData<string> Cases => [.. InteropClient.TestCases];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Interop_case_passes_through_the_gateway(string testCase)
    {
        using var client = new InteropClient(setup.Gateway.GrpcAddress);

        await client.RunAsync(testCase);
    }

    /// <summary>An interop server process behind a gateway process routing <c>/grpc.testing.TestService/*</c> to it.</summary>
    public sealed class Setup : IAsyncLifetime
    {
        private InteropServerProcess? _server;
        private GatewayProcess? _gateway;

        public GatewayProcess Gateway => _gateway ?? throw new InvalidOperationException("The fixture has not been initialised.");

        public async Task InitializeAsync()
        {
            _server = await InteropServerProcess.StartAsync("interop");
            _gateway = await GatewayProcess.StartAsync(GatewayProcess.RouteToService("interop", "/grpc.testing.TestService/{method}", [_server.Address]));
        }

        public async Task DisposeAsync()
        {
            if (_gateway is not null)
            {
                await _gateway.DisposeAsync();
            }

            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }
    }
}
