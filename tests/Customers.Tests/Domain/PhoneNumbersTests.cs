using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Tests.Domain;

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("US", "(415) 555-0100", "+14155550100")]
    [InlineData("US", "1-415-555-0100", "+14155550100")]
    [InlineData("US", "415.555.0100", "+14155550100")]
    [InlineData("US", "011 44 20 7183 8750", "+442071838750")]
    [InlineData("US", "+44 (0)20 7183 8750", "+442071838750")]
    [InlineData("GB", "020 7183 8750", "+442071838750")]
    [InlineData("GB", "0044 20 7183 8750", "+442071838750")]
    [InlineData("DE", "030 / 123 456 78", "+493012345678")]
    [InlineData("DE", "+1 212 555 0142", "+12125550142")]
    [InlineData("FR", "06 12 34 56 78", "+33612345678")]
    [InlineData("US", "+353 1 234 5678", "+35312345678")]
    public void National_and_international_formats_normalise_to_E164(string region, string raw, string expected)
    {
        Assert.Equal(expected, new PhoneNumbers(region).Normalize(raw, "phone"));
    }

    [Theory]
    [InlineData("555-CALL-NOW")]
    [InlineData("+1 555 01")]
    [InlineData("+1 015 555 0100")]
    [InlineData("+44 20 7183 8750 1234")]
    [InlineData("+28 1234 5678")]
    [InlineData("1234")]
    [InlineData("+1234567890123456")]
    [InlineData("++14155550100")]
    public void Impossible_numbers_are_rejected_naming_the_field(string raw)
    {
        var error = Assert.Throws<InvalidFieldException>(() => new PhoneNumbers("US").Normalize(raw, "contact.phone"));

        Assert.Equal("contact.phone", error.Field);
    }

    [Fact]
    public void An_empty_number_is_no_number()
    {
        Assert.Null(new PhoneNumbers("US").Normalize("  ", "phone"));
    }

    [Fact]
    public void An_unknown_default_region_is_refused_at_start_up()
    {
        Assert.Throws<ArgumentException>(() => new PhoneNumbers("XX"));
    }
}
