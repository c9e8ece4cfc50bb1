using System.Security.Cryptography;
using System.Text;

namespace CrmPlatform.AppHost.Dashboard.Intake;

/// <summary>Compares the <c>x-otlp-api-key</c> header with the configured key in constant time.</summary>
internal sealed class ApiKeyCheck(string? apiKey)
{
    private readonly byte[]? _expected = apiKey is null ? null : Encoding.UTF8.GetBytes(apiKey);

    public bool Allows(string? presented) =>
        _expected is null
        || (presented is not null && CryptographicOperations.FixedTimeEquals(_expected, Encoding.UTF8.GetBytes(presented)));
}
