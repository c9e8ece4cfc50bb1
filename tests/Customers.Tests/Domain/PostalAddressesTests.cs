using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Tests.Domain;

public sealed class PostalAddressesTests
{
    [Theory]
    [InlineData("gb", "sw1a1aa", "SW1A 1AA")]
    [InlineData("GB", "m1 1ae", "M1 1AE")]
    [InlineData("US", "62701", "62701")]
    [InlineData("US", "627011234", "62701-1234")]
    [InlineData("CA", "k1a0b1", "K1A 0B1")]
    [InlineData("NL", "1012ab", "1012 AB")]
    [InlineData("JP", "1000001", "100-0001")]
    [InlineData("DE", "10115", "10115")]
    [InlineData("KE", "00100", "00100")]
    public void Postal_codes_are_checked_and_written_the_countrys_way(string region, string raw, string expected)
    {
        var address = PostalAddresses.Normalize(region, raw, null, null, [], "account.address");

        Assert.Equal(expected, address!.PostalCode);
        Assert.Equal(region.ToUpperInvariant(), address.RegionCode);
    }

    [Theory]
    [InlineData("US", "6270", "account.address.postal_code")]
    [InlineData("GB", "12345", "account.address.postal_code")]
    [InlineData("DE", "1011", "account.address.postal_code")]
    [InlineData("XX", "", "account.address.region_code")]
    [InlineData("", "62701", "account.address.region_code")]
    [InlineData("United Kingdom", "", "account.address.region_code")]
    public void Impossible_addresses_are_rejected_naming_the_field(string region, string postalCode, string field)
    {
        var error = Assert.Throws<InvalidFieldException>(
            () => PostalAddresses.Normalize(region, postalCode, null, "Springfield", [], "account.address"));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void An_address_with_no_parts_is_no_address()
    {
        Assert.Null(PostalAddresses.Normalize(" ", "", null, null, ["  "], "account.address"));
    }

    [Fact]
    public void Lines_are_trimmed_and_the_single_line_form_reads_naturally()
    {
        var address = PostalAddresses.Normalize("us", "62701", "IL", " Springfield ", ["  1 Main   St ", ""], "account.address")!;

        Assert.Equal(["1 Main St"], address.AddressLines);
        Assert.Equal("1 Main St, Springfield, IL 62701, US", address.SingleLine);
    }
}
