namespace CrmPlatform.Grpc;

/// <summary>Header names and content types of the gRPC and gRPC-Web protocols.</summary>
internal static class GrpcProtocol
{
    public const string GrpcContentType = "application/grpc";
    public const string GrpcWebContentType = "application/grpc-web";
    public const string GrpcWebTextContentType = "application/grpc-web-text";
    public const string GrpcWebResponseContentType = "application/grpc-web+proto";
    public const string GrpcWebTextResponseContentType = "application/grpc-web-text+proto";

    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string InternalEncodingRequestHeader = "grpc-internal-encoding-request";
    public const string TeHeader = "te";
    public const string IdentityEncoding = "identity";

    public const int HeaderSize = 5;
    public const byte CompressedFlag = 0x01;
    public const byte TrailersFlag = 0x80;
    public const int DefaultMaxMessageSize = 4 * 1024 * 1024;

    private static readonly string[] StatusStrings = CreateStatusStrings();

    public static string ToWire(StatusCode code)
    {
        var value = (int)code;
        return (uint)value < (uint)StatusStrings.Length ? StatusStrings[value] : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Headers that belong to the protocol, not to the application's metadata.</summary>
    public static bool IsReservedHeader(string name) =>
        name.Length == 0
        || name[0] == ':'
        || string.Equals(name, "content-type", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, TeHeader, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, StatusHeader, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, MessageHeader, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, TimeoutHeader, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, EncodingHeader, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, AcceptEncodingHeader, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, InternalEncodingRequestHeader, StringComparison.OrdinalIgnoreCase);

    private static string[] CreateStatusStrings()
    {
        var strings = new string[17];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return strings;
    }
}
