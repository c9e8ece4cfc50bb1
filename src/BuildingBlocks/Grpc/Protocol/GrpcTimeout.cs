using System.Globalization;

namespace CrmPlatform.Grpc;

/// <summary>Encodes and decodes the <c>grpc-timeout</c> header: up to 8 digits and a unit H, M, S, m, u or n.</summary>
internal static class GrpcTimeout
{
    private const int MaxDigits = 8;

    public static bool TryParse(ReadOnlySpan<char> value, out TimeSpan timeout)
    {
        timeout = default;
        if (value.Length < 2 || value.Length > MaxDigits + 1)
        {
            return false;
        }

        long amount = 0;
        var digits = value[..^1];
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            amount = (amount * 10) + (c - '0');
        }

        long? ticks = value[^1] switch
        {
            'H' => amount * TimeSpan.TicksPerHour,
            'M' => amount * TimeSpan.TicksPerMinute,
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * TimeSpan.TicksPerMicrosecond,
            'n' => amount / 100,
            _ => null,
        };
        if (ticks is null)
        {
            return false;
        }

        timeout = TimeSpan.FromTicks(ticks.Value);
        return true;
    }

    /// <summary>The shortest exact-or-rounded-up encoding that fits in 8 digits.</summary>
    public static string Format(TimeSpan timeout)
    {
        var ticks = Math.Max(0, timeout.Ticks);
        var micros = (ticks + TimeSpan.TicksPerMicrosecond - 1) / TimeSpan.TicksPerMicrosecond;
        if (micros < 100_000_000)
        {
            return Unit(micros, 'u');
        }

        var millis = (ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond;
        if (millis < 100_000_000)
        {
            return Unit(millis, 'm');
        }

        var seconds = (ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
        if (seconds < 100_000_000)
        {
            return Unit(seconds, 'S');
        }

        var minutes = (ticks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute;
        if (minutes < 100_000_000)
        {
            return Unit(minutes, 'M');
        }

        var hours = Math.Min(99_999_999, (ticks + TimeSpan.TicksPerHour - 1) / TimeSpan.TicksPerHour);
        return Unit(hours, 'H');
    }

    private static string Unit(long amount, char unit) => amount.ToString(CultureInfo.InvariantCulture) + unit;
}
