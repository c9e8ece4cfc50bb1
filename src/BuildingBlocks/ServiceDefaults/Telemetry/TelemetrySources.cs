namespace CrmPlatform.ServiceDefaults.Telemetry;

/// <summary>The ActivitySources and Meters that .NET 10 and our libraries expose natively, exported over OTLP.</summary>
public static class TelemetrySources
{
    public static readonly string[] ActivitySources =
    [
        "Microsoft.AspNetCore",
        "System.Net.Http",
        "Npgsql",
        "MassTransit",
        "CrmPlatform.Grpc",
        "CrmPlatform.*",
    ];

    public static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "System.Net.Http",
        "System.Runtime",
        "Npgsql",
        "MassTransit",
        "CrmPlatform.Grpc",
        "CrmPlatform.*",
    ];
}
