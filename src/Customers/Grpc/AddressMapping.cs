using CrmPlatform.Customers.Domain;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Grpc;

/// <summary>Maps postal addresses.</summary>
internal static class AddressMapping
{
    public const string Path = "address";

    public static PostalAddress? ToDomain(Proto.PostalAddress? address, string field) =>
        address is null
            ? null
            : PostalAddresses.Normalize(address.RegionCode, address.PostalCode, address.AdministrativeArea, address.Locality,
                address.AddressLines, field);

    public static Proto.PostalAddress? ToProto(PostalAddress? address) => address is null ? null : new Proto.PostalAddress
    {
        RegionCode = address.RegionCode,
        PostalCode = address.PostalCode ?? "",
        AdministrativeArea = address.AdministrativeArea ?? "",
        Locality = address.Locality ?? "",
        AddressLines = { address.AddressLines },
    };
}
