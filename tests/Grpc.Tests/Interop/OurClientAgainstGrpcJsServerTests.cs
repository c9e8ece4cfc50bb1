using CrmPlatform.Grpc.Interop;

namespace CrmPlatform.Grpc.Tests.Interop;

/// <summary>Our interop client runs each interop case against the grpc-js interop server (<c>node server.js</c>).</summary>
public sealed class OurClientAgainstGrpcJsServerTests(GrpcJsServerFixture server) : IClassFixture<GrpcJsServerFixture>
{
    public static TheoryData<string> Cases => InteropCases.All();

    /// <remarks>
    /// grpc-js servers cannot compress responses, so against them the server_compressed_* cases check the
    /// responses but not their compressed flag.
    /// </remarks>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task OurClientPassesTheCaseAgainstGrpcJsServer(string testCase)
    {
        using var client = new InteropClient(new Uri($"http://127.0.0.1:{server.Port}"), serverCompressesResponses: false);

        await client.RunAsync(testCase);
    }
}
