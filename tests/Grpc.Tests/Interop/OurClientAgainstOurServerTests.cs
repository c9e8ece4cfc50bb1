using CrmPlatform.Grpc.Interop;

namespace CrmPlatform.Grpc.Tests.Interop;

/// <summary>Our interop client runs each interop case against our interop server, response compression flags included.</summary>
public sealed class OurClientAgainstOurServerTests(InteropServerFixture server) : IClassFixture<InteropServerFixture>
{
    public static TheoryData<string> Cases => InteropCases.All();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task OurClientPassesTheCaseAgainstOurServer(string testCase)
    {
        using var client = new InteropClient(new Uri($"http://127.0.0.1:{server.Port}"));

        await client.RunAsync(testCase);
    }
}
