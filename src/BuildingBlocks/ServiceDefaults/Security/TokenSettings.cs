using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace CrmPlatform.ServiceDefaults.Security;

/// <summary>
/// Issuer, audience and HMAC signing key shared by the gateway (which issues tokens) and every service (which
/// validates them), from the <c>Auth</c> configuration section (<c>Auth__Issuer</c>, <c>Auth__Audience</c>,
/// <c>Auth__SigningKey</c>). The AppHost generates a fresh key for each run.
/// </summary>
public sealed record TokenSettings(string Issuer, string Audience, string SigningKey)
{
    public const string SectionName = "Auth";
    public const int MinimumKeyBytes = 32;

    public SymmetricSecurityKey Key => new(Encoding.UTF8.GetBytes(SigningKey));

    public TokenValidationParameters ValidationParameters => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
        RoleClaimType = CallerClaims.Role,
        NameClaimType = CallerClaims.Subject,
    };

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Issuer) || string.IsNullOrWhiteSpace(Audience))
        {
            throw new InvalidOperationException($"{SectionName}:Issuer and {SectionName}:Audience must be set.");
        }

        if (Encoding.UTF8.GetByteCount(SigningKey) < MinimumKeyBytes)
        {
            throw new InvalidOperationException($"{SectionName}:SigningKey must be at least {MinimumKeyBytes} bytes.");
        }
    }
}
