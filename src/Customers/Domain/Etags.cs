namespace CrmPlatform.Customers.Domain;

/// <summary>Etags are the quoted record version: opaque to clients, compared exactly.</summary>
public static class Etags
{
    public static string Of(long version) => $"\"{version}\"";

    /// <summary>Throws <see cref="StaleEtagException"/> unless <paramref name="expected"/> is empty or current.</summary>
    public static void Check(string resourceName, long version, string? expected)
    {
        if (!string.IsNullOrEmpty(expected) && expected != Of(version))
        {
            throw new StaleEtagException(resourceName, Of(version));
        }
    }
}
