using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Collections;
using CommonV1 = CrmPlatform.AppHost.Dashboard.Otlp.Common;
using ResourceV1 = CrmPlatform.AppHost.Dashboard.Otlp.Resource;

namespace CrmPlatform.AppHost.Dashboard.Intake;

/// <summary>OTLP attribute values, ids and times as the dashboard shows them.</summary>
internal static class OtlpValues
{
    public static string Text(CommonV1.AnyValue? value) => value?.ValueCase switch
    {
        CommonV1.AnyValue.ValueOneofCase.StringValue => value.StringValue,
        CommonV1.AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        CommonV1.AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        CommonV1.AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        CommonV1.AnyValue.ValueOneofCase.ArrayValue => $"[{string.Join(", ", value.ArrayValue.Values.Select(Text))}]",
        CommonV1.AnyValue.ValueOneofCase.KvlistValue => $"{{{string.Join(", ", value.KvlistValue.Values.Select(kv => $"{kv.Key}: {Text(kv.Value)}"))}}}",
        CommonV1.AnyValue.ValueOneofCase.BytesValue => value.BytesValue.ToBase64(),
        _ => string.Empty,
    };

    public static Dictionary<string, string> Attributes(RepeatedField<CommonV1.KeyValue> attributes)
    {
        var result = new Dictionary<string, string>(attributes.Count, StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            result[attribute.Key] = Text(attribute.Value);
        }

        return result;
    }

    public static string ServiceName(ResourceV1.Resource? resource) =>
        resource?.Attributes.FirstOrDefault(a => a.Key == "service.name") is { } name ? Text(name.Value) : "unknown_service";

    /// <summary>Lower-case hex, or null when absent (all-zero ids count as absent, as the specification says).</summary>
    public static string? Id(ByteString id) =>
        id.IsEmpty || id.Span.IndexOfAnyExcept((byte)0) < 0 ? null : Convert.ToHexStringLower(id.Span);

    public static DateTimeOffset Time(ulong unixNanos) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)Math.Min(unixNanos / 100, (ulong)(DateTimeOffset.MaxValue - DateTimeOffset.UnixEpoch).Ticks));
}
