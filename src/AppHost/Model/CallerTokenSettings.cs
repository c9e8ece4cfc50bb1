namespace CrmPlatform.AppHost.Model;

/// <summary>How callers' JWTs are issued and validated (ServiceDefaults reads them from the <c>Auth</c> section).</summary>
public sealed record CallerTokenSettings(string Issuer, string Audience, string SigningKey)
{
    public override string ToString() => $"issuer {Issuer}, audience {Audience}";
}
