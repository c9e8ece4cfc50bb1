namespace CrmPlatform.Grpc.Tests.Interop;

/// <summary>The grpc-js interop client (<c>node client.js</c>) runs each interop case against our server.</summary>
public sealed class GrpcJsClientAgainstOurServerTests(InteropServerFixture server) : IClassFixture<InteropServerFixture>
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Cases => InteropCases.All();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task GrpcJsClientPassesTheCaseAgainstOurServer(string testCase)
    {
        var (exitCode, output) = await NodeProcess.RunAsync(ClientTimeout, "client.js",
            "--server_port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--test_case", testCase);

        Assert.True(exitCode == 0, $"node client.js --test_case {testCase} exited with {exitCode}:\n{output}");
        Assert.Contains($"PASS {testCase}", output, StringComparison.Ordinal);
    }
}
