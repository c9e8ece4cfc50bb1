namespace CrmPlatform.Bench;

/// <summary>How h2load loads a server: <c>-c Connections -m StreamsPerConnection</c>.</summary>
public sealed record LoadShape(int Connections, int StreamsPerConnection)
{
    public int ConcurrentStreams => Connections * StreamsPerConnection;
}

/// <summary>
/// One h2load run: requests per second over its measured period, the latency of each successful request, and how many
/// requests got HTTP 200 (h2load can't see a gRPC status: a caller that can check the effect of the calls should).
/// </summary>
public sealed record LoadSample(double RequestsPerSecond, IReadOnlyList<long> LatenciesMicroseconds, long Succeeded);

/// <summary>A gRPC call for h2load: the URL of the method, a file holding the framed request, extra headers ("name: value").</summary>
public sealed record H2LoadRequest(Uri Url, string BodyFile, IReadOnlyList<string> Headers);
