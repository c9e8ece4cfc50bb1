namespace CrmPlatform.Grpc;

/// <summary>Header values of metadata entries: <c>-bin</c> values are base64 (padding optional on input).</summary>
internal static class MetadataEncoding
{
    public static string EncodeValue(Metadata.Entry entry) => entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes) : entry.Value;

    /// <summary>Adds one header value to metadata; returns false for a malformed binary value.</summary>
    public static bool TryAdd(Metadata metadata, string key, string value)
    {
        if (!Metadata.IsBinaryKey(key))
        {
            metadata.Add(key, value);
            return true;
        }

        if (!TryDecodeBase64(value, out var bytes))
        {
            return false;
        }

        metadata.Add(key, bytes);
        return true;
    }

    private static bool TryDecodeBase64(string value, out byte[] bytes)
    {
        var trimmed = value.Trim();
        var padding = (4 - (trimmed.Length % 4)) % 4;
        if (padding == 3)
        {
            bytes = [];
            return false;
        }

        var padded = padding == 0 ? trimmed : trimmed + new string('=', padding);
        var buffer = new byte[padded.Length / 4 * 3];
        if (Convert.TryFromBase64String(padded, buffer, out var written))
        {
            bytes = buffer.AsSpan(0, written).ToArray();
            return true;
        }

        bytes = [];
        return false;
    }
}
