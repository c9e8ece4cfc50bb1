using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Tests.Domain;

public sealed class FieldChangesTests
{
    private static readonly Account Acme = new(
        Guid.CreateVersion7(), "t1", AccountKind.Company, "Acme", "info@acme.com", null, "acme.com",
        new Ownership("me", "north"), ["vip"], RelationshipPhase.Awareness, 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
        new Dictionary<string, CustomFieldValue> { ["employees"] = new(CustomFieldType.Number, "120") },
        new PostalAddress("GB", "SW1A 1AA", null, "London", ["10 Downing Street"]));

    [Fact]
    public void A_creation_records_every_field_that_has_a_value()
    {
        var changes = FieldChanges.OfCreation(Acme);

        Assert.Contains(new FieldChange("display_name", null, "Acme"), changes);
        Assert.Contains(new FieldChange("tags", null, "vip"), changes);
        Assert.Contains(new FieldChange("custom_fields.employees", null, "120"), changes);
        Assert.Contains(new FieldChange("address", null, "10 Downing Street, London, SW1A 1AA, GB"), changes);
        Assert.DoesNotContain(changes, c => c.Field == "phone");
    }

    [Fact]
    public void An_update_records_only_the_fields_that_changed_with_old_and_new_values()
    {
        var changes = FieldChanges.Between(Acme, Acme with { Email = null, Phase = RelationshipPhase.Expansion, Version = 2 });

        Assert.Equal(
            [new FieldChange("email", "info@acme.com", null), new FieldChange("phase", "Awareness", "Expansion")],
            changes);
    }
}

public sealed class CustomFieldChangesTests
{
    [Fact]
    public void Added_and_removed_custom_fields_are_changes_of_their_own()
    {
        var before = new Dictionary<string, CustomFieldValue> { ["employees"] = new(CustomFieldType.Number, "120") };
        var after = new Dictionary<string, CustomFieldValue> { ["industry"] = new(CustomFieldType.Choice, "retail") };
        var account = new Account(Guid.CreateVersion7(), "t1", AccountKind.Company, "Acme", null, null, null, new Ownership("me", ""), [],
            RelationshipPhase.Awareness, 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, before, null);

        var changes = FieldChanges.Between(account, account with { CustomFields = after });

        Assert.Equal(
            [new FieldChange("custom_fields.employees", "120", null), new FieldChange("custom_fields.industry", null, "retail")],
            changes);
    }
}
