namespace CrmPlatform.Grpc.Interop;

/// <summary>Parses the interop suite's <c>--name value</c> / <c>--name=value</c> flags.</summary>
internal static class CommandLine
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                options[arg[2..equals]] = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Length)
            {
                options[arg[2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Flag '{arg}' has no value.");
            }
        }

        return options;
    }
}
