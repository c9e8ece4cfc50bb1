using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CrmPlatform.Gateway.Identity;

/// <summary>Random secrets and their SHA-256 hashes (enough for high-entropy secrets; passwords use <see cref="Passwords"/>).</summary>
internal static class Secrets
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string RandomText(int length) => RandomNumberGenerator.GetString(Alphanumerics, length);

    /// <summary>32 random bytes, base64url.</summary>
    public static string NewRefreshToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool HashEquals(byte[] stored, string secret) => CryptographicOperations.FixedTimeEquals(stored, Hash(secret));
}
