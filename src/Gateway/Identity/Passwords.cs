using Microsoft.AspNetCore.Identity;

namespace CrmPlatform.Gateway.Identity;

/// <summary>
/// Password hashes in ASP.NET Core Identity's format (<see cref="PasswordHasher{TUser}"/>: PBKDF2 with a salt per
/// password). Checking a password of an unknown user costs as much as a real check, so timing does not tell which
/// emails exist.
/// </summary>
internal sealed class Passwords
{
    public const int MinimumLength = 12;

    /// <summary>Longer passwords are refused before hashing, so a request cannot make the server hash megabytes.</summary>
    public const int MaximumLength = 1024;

    private readonly PasswordHasher<GatewayUser> _hasher = new();
    private readonly string _decoyHash;

    public Passwords() => _decoyHash = _hasher.HashPassword(null!, Secrets.RandomText(24));

    public static bool IsLongEnough(string password) => password.Length >= MinimumLength;

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    /// <summary>Whether <paramref name="password"/> is the user's, and whether the hash should be renewed.</summary>
    public (bool Matches, bool RehashNeeded) Verify(GatewayUser? user, string password)
    {
        if (user is null || password.Length > MaximumLength)
        {
            _hasher.VerifyHashedPassword(null!, _decoyHash, password.Length > MaximumLength ? string.Empty : password);
            return (false, false);
        }

        return _hasher.VerifyHashedPassword(user, user.PasswordHash, password) switch
        {
            PasswordVerificationResult.Success => (true, false),
            PasswordVerificationResult.SuccessRehashNeeded => (true, true),
            _ => (false, false),
        };
    }
}
