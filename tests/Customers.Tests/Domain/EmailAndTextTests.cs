using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Tests.Domain;

public sealed class EmailAndTextTests
{
    [Theory]
    [InlineData("JON.SMITH@ACME.COM", "JON.SMITH@acme.com")]
    [InlineData("  o'brien+crm@Mail.Example.ORG ", "o'brien+crm@mail.example.org")]
    [InlineData("a@b.io", "a@b.io")]
    public void Emails_keep_their_mailbox_and_lower_case_their_domain(string raw, string expected)
    {
        Assert.Equal(expected, EmailAddresses.Normalize(raw, "email"));
    }

    [Theory]
    [InlineData("plainaddress")]
    [InlineData("@acme.com")]
    [InlineData("john@")]
    [InlineData("john@acme")]
    [InlineData("john@@acme.com")]
    [InlineData("john..smith@acme.com")]
    [InlineData(".john@acme.com")]
    [InlineData("john smith@acme.com")]
    [InlineData("john@-acme.com")]
    [InlineData("john@acme.123")]
    [InlineData("jöhn@acme.com")]
    public void Malformed_emails_are_rejected_naming_the_field(string raw)
    {
        Assert.Equal("account.email", Assert.Throws<InvalidFieldException>(() => EmailAddresses.Normalize(raw, "account.email")).Field);
    }

    [Fact]
    public void A_mailbox_longer_than_64_characters_is_rejected()
    {
        Assert.Throws<InvalidFieldException>(() => EmailAddresses.Normalize(new string('a', 65) + "@acme.com", "email"));
    }

    [Theory]
    [InlineData("https://www.Acme.com/about?x=1", "acme.com")]
    [InlineData("ACME.co.uk", "acme.co.uk")]
    [InlineData("http://shop.acme.com:8080", "shop.acme.com")]
    public void Web_domains_are_reduced_to_the_host(string raw, string expected)
    {
        Assert.Equal(expected, WebDomains.Normalize(raw, "domain"));
    }

    [Fact]
    public void Names_are_trimmed_with_inner_whitespace_collapsed()
    {
        Assert.Equal("Acme Corporation", TextRules.RequiredName("  Acme \t  Corporation\n", "name"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_empty_name_is_required(string? raw)
    {
        var error = Assert.Throws<InvalidFieldException>(() => TextRules.RequiredName(raw, "account.display_name"));

        Assert.Equal("account.display_name", error.Field);
        Assert.Contains("required", error.Message);
    }

    [Theory]
    [InlineData(201)]
    [InlineData(10_240)]
    public void A_name_longer_than_200_characters_is_rejected(int length)
    {
        var error = Assert.Throws<InvalidFieldException>(() => TextRules.RequiredName(new string('x', length), "account.display_name"));

        Assert.Contains("at most 200", error.Message);
    }

    [Fact]
    public void Control_characters_are_rejected()
    {
        Assert.Throws<InvalidFieldException>(() => TextRules.RequiredName("Acme\u0000Corp", "name"));
    }

    [Fact]
    public void Tags_are_lower_cased_and_distinct()
    {
        Assert.Equal(["vip", "renewal"], TextRules.Tags(["VIP", " renewal ", "vip"], "tags"));
    }

    [Fact]
    public void Too_many_or_empty_tags_are_rejected()
    {
        Assert.Throws<InvalidFieldException>(() => TextRules.Tags(Enumerable.Range(0, 21).Select(i => $"t{i}"), "tags"));
        Assert.Throws<InvalidFieldException>(() => TextRules.Tags(["ok", " "], "tags"));
    }
}
