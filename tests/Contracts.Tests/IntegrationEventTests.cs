using System.Reflection;
using System.Text.Json;
using CrmPlatform.Contracts.Events;

namespace CrmPlatform.Contracts.Tests;

/// <summary>Events are the contract between services: past-tense records that survive the outbox's JSON round trip.</summary>
public sealed class IntegrationEventTests
{
    private static readonly JsonSerializerOptions OutboxJson = new(JsonSerializerDefaults.Web);

    public static TheoryData<Type> EventTypes() =>
        new(typeof(CustomerCreated).Assembly.GetTypes().Where(t => t.Namespace == typeof(CustomerCreated).Namespace && t.IsPublic));

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Events_are_sealed_records_named_in_the_past_tense(Type eventType)
    {
        Assert.True(eventType.IsSealed, $"{eventType.Name} is not sealed");
        Assert.NotNull(eventType.GetMethod("<Clone>$"));
        Assert.EndsWith("ed", eventType.Name);
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Events_round_trip_through_json_unchanged(Type eventType)
    {
        var json = JsonSerializer.Serialize(SampleOf(eventType), eventType, OutboxJson);

        var copy = JsonSerializer.Deserialize(json, eventType, OutboxJson);

        Assert.Equal(json, JsonSerializer.Serialize(copy, eventType, OutboxJson));
        Assert.DoesNotContain(":null", json);
    }

    private static object SampleOf(Type eventType)
    {
        var constructor = eventType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke(constructor.GetParameters().Select(SampleValue).ToArray());
    }

    private static object? SampleValue(ParameterInfo parameter) => parameter.ParameterType switch
    {
        var t when t == typeof(Guid) => Guid.CreateVersion7(),
        var t when t == typeof(string) => parameter.Name + "-value",
        var t when t == typeof(DateTimeOffset) => new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero),
        var t when t == typeof(bool) => true,
        var t when t == typeof(int) => 42,
        var t when t == typeof(long) => 4_200_000_000L,
        var t when t == typeof(decimal) => 12.5m,
        var t when t == typeof(Guid?) => Guid.CreateVersion7(),
        var t when t == typeof(IReadOnlyList<string>) => new[] { parameter.Name + "-1", parameter.Name + "-2" },
        var t when t == typeof(IReadOnlyList<Guid>) => new[] { Guid.CreateVersion7(), Guid.CreateVersion7() },
        var t when t.IsEnum => Enum.GetValues(t).GetValue(0),
        var t => throw new InvalidOperationException($"Add a sample value for {t} ({parameter.Member.DeclaringType!.Name}.{parameter.Name})."),
    };
}
