using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Tests.Domain;

public sealed class CustomFieldRulesTests
{
    private static readonly Dictionary<string, CustomFieldDefinition> Definitions = new[]
    {
        Define("industry", CustomFieldType.Choice, "retail", "banking"),
        Define("employees", CustomFieldType.Number),
        Define("renewal_date", CustomFieldType.Date),
        Define("is_partner", CustomFieldType.Bool),
        Define("notes", CustomFieldType.Text),
    }.ToDictionary(d => d.Key);

    [Fact]
    public void Values_of_the_defined_type_are_accepted_in_canonical_form()
    {
        var values = CustomFieldRules.Validate(Definitions, new Dictionary<string, CustomFieldInput>
        {
            ["industry"] = new(CustomFieldType.Choice, "retail"),
            ["employees"] = new(CustomFieldType.Number, "1.50E2"),
            ["renewal_date"] = new(CustomFieldType.Date, "2027-01-31"),
            ["is_partner"] = new(CustomFieldType.Bool, "true"),
            ["notes"] = new(CustomFieldType.Text, "  key   account "),
        }, "account.custom_fields");

        Assert.Equal("150", values["employees"]!.Value);
        Assert.Equal("key account", values["notes"]!.Value);
        Assert.Equal("2027-01-31", values["renewal_date"]!.Value);
    }

    [Theory]
    [InlineData("colour", CustomFieldType.Text, "red", "account.custom_fields.colour")]
    [InlineData("employees", CustomFieldType.Text, "many", "account.custom_fields.employees")]
    [InlineData("industry", CustomFieldType.Choice, "mining", "account.custom_fields.industry")]
    [InlineData("renewal_date", CustomFieldType.Date, "31/01/2027", "account.custom_fields.renewal_date")]
    [InlineData("renewal_date", CustomFieldType.Date, "2027-02-30", "account.custom_fields.renewal_date")]
    [InlineData("employees", CustomFieldType.Number, "NaN", "account.custom_fields.employees")]
    [InlineData("notes", CustomFieldType.Text, " ", "account.custom_fields.notes")]
    public void Unknown_fields_and_wrong_values_are_rejected_naming_the_field(string key, CustomFieldType sentAs, string text, string field)
    {
        var error = Assert.Throws<InvalidFieldException>(() => CustomFieldRules.Validate(
            Definitions, new Dictionary<string, CustomFieldInput> { [key] = new(sentAs, text) }, "account.custom_fields"));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void A_value_without_a_type_clears_the_field()
    {
        var current = new Dictionary<string, CustomFieldValue> { ["notes"] = new(CustomFieldType.Text, "x") };
        var changes = CustomFieldRules.Validate(Definitions, new Dictionary<string, CustomFieldInput> { ["notes"] = new(null, "") }, "f");

        Assert.Empty(CustomFieldRules.Apply(current, changes));
    }

    [Theory]
    [InlineData("Industry")]
    [InlineData("1st")]
    [InlineData("has-dash")]
    [InlineData("")]
    public void Keys_must_be_lower_snake_case(string key)
    {
        Assert.Equal("definition.key", Assert.Throws<InvalidFieldException>(
            () => CustomFieldRules.Define(RecordKind.Account, key, null, CustomFieldType.Text, [], DateTimeOffset.UnixEpoch)).Field);
    }

    [Fact]
    public void Choice_fields_need_choices_and_other_fields_take_none()
    {
        Assert.Throws<InvalidFieldException>(() => CustomFieldRules.Define(RecordKind.Account, "tier", null, CustomFieldType.Choice, [], DateTimeOffset.UnixEpoch));
        Assert.Throws<InvalidFieldException>(() => CustomFieldRules.Define(RecordKind.Account, "size", null, CustomFieldType.Number, ["a"], DateTimeOffset.UnixEpoch));
    }

    private static CustomFieldDefinition Define(string key, CustomFieldType type, params string[] choices) =>
        CustomFieldRules.Define(RecordKind.Account, key, null, type, choices, DateTimeOffset.UnixEpoch);
}
