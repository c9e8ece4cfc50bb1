using System.Security.Cryptography;
using System.Text;

namespace CrmPlatform.AppHost.Demo;

/// <summary>
/// Request ids derived from a stable key of the demo data ("account/northwind/interaction/3"): name-based UUIDs
/// (RFC 9562 version 5), so a second run sends the same ids and the Customers service returns what the first created.
/// </summary>
public static class DemoRequestIds
{
    private static readonly Guid Namespace = new("5b0f5a52-6c8e-4d4e-9a57-3d1f0c1e6a01");

    public static string For(string key)
    {
        Span<byte> name = stackalloc byte[16];
        Namespace.TryWriteBytes(name, bigEndian: true, out _);
        var hash = SHA1.HashData([.. name, .. Encoding.UTF8.GetBytes("crm-demo/" + key)]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
