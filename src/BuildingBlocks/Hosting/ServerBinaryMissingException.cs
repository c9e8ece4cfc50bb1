namespace CrmPlatform.Hosting;

/// <summary>A server binary is not installed; the message names the apt package that provides it.</summary>
public sealed class ServerBinaryMissingException(string product, string path, string aptPackage)
    : Exception($"{product} is not installed: '{path}' does not exist. Install it with `apt-get install {aptPackage}`.")
{
    public string Path { get; } = path;

    public string AptPackage { get; } = aptPackage;

    internal static void ThrowIfMissing(string product, string path, string aptPackage)
    {
        if (!File.Exists(path))
        {
            throw new ServerBinaryMissingException(product, path, aptPackage);
        }
    }
}
