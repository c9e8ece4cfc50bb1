using System.Text.Json;
using CrmPlatform.Customers.Domain;
using Npgsql;
using NpgsqlTypes;

namespace CrmPlatform.Customers.Data;

/// <summary>Postal addresses in the nullable <c>address</c> jsonb column: <c>{"regionCode": "GB", "postalCode": …}</c>.</summary>
internal static class AddressJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static NpgsqlParameter Parameter(PostalAddress? address) => new()
    {
        Value = address is null
            ? DBNull.Value
            : JsonSerializer.Serialize(
                new Stored(address.RegionCode, address.PostalCode, address.AdministrativeArea, address.Locality, address.AddressLines), Options),
        NpgsqlDbType = NpgsqlDbType.Jsonb,
    };

    public static PostalAddress? Read(string? json) =>
        json is null || JsonSerializer.Deserialize<Stored>(json, Options) is not { } stored
            ? null
            : new PostalAddress(stored.RegionCode, stored.PostalCode, stored.AdministrativeArea, stored.Locality, stored.AddressLines);

    private sealed record Stored(
        string RegionCode, string? PostalCode, string? AdministrativeArea, string? Locality, IReadOnlyList<string> AddressLines);
}
