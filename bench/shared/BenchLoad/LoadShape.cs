namespace CrmPlatform.Bench;

/// <summary>How h2load loads a server: <c>-c Connections -m StreamsPerConnection</c>.</summary>
public sealed record LoadShape(int Connections, int StreamsPerConnection)
{
    public int ConcurrentStreams => Connections * StreamsPerConnection;
}

/// <summary>One h2load run: requests per second over its measured period and the latency of each successful request.</summary>
public sealed record LoadSample(double RequestsPerSecond, IReadOnlyList<long> LatenciesMicroseconds);

/// <summary>A gRPC call for h2load: the URL of the method, a file holding the framed request, extra headers ("name: value").</summary>
public sealed record H2LoadRequest(Uri Url, string BodyFile, IReadOnlyList<string> Headers);
