using System.Security.Cryptography;

namespace CrmPlatform.AppHost.Dashboard;

/// <summary>Where the dashboard listens, what it keeps and who may use it.</summary>
public sealed record DashboardOptions
{
    public const string ApiKeyHeader = "x-otlp-api-key";

    /// <summary>The UI and its JSON API; 0 picks a free port, a taken preferred port falls back to a free one.</summary>
    public int UiPort { get; init; } = 18888;

    public int OtlpGrpcPort { get; init; } = 18889;

    public int OtlpHttpPort { get; init; } = 18890;

    /// <summary>Required in <see cref="ApiKeyHeader"/> on every OTLP request when set.</summary>
    public string? ApiKey { get; init; }

    /// <summary>When set, the UI needs a cookie obtained by opening <c>/login?t=TOKEN</c> once.</summary>
    public string? BrowserToken { get; init; }

    public TelemetryLimits Limits { get; init; } = new();

    /// <summary>Free ports, no authentication: for tests.</summary>
    public static DashboardOptions Standalone => new() { UiPort = 0, OtlpGrpcPort = 0, OtlpHttpPort = 0 };

    /// <summary>The AppHost's dashboard: preferred ports, and a fresh API key and login token for this run.</summary>
    public static DashboardOptions ForAppHost(bool anyPorts) => new()
    {
        UiPort = anyPorts ? 0 : 18888,
        OtlpGrpcPort = anyPorts ? 0 : 18889,
        OtlpHttpPort = anyPorts ? 0 : 18890,
        ApiKey = NewSecret(),
        BrowserToken = NewSecret(),
    };

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

/// <summary>How much telemetry is kept in memory; the oldest goes first.</summary>
public sealed record TelemetryLimits
{
    public int MaxSpans { get; init; } = 50_000;

    public int MaxLogs { get; init; } = 50_000;

    public int MaxMetricPoints { get; init; } = 100_000;

    /// <summary>Largest OTLP request body (HTTP) or message (gRPC) accepted.</summary>
    public long MaxRequestBytes { get; init; } = 8 * 1024 * 1024;
}
