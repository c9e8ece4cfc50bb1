using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Tests.Domain;

public sealed class FieldChangesTests
{
    private static readonly Account Acme = new(
        Guid.CreateVersion7(), "t1", AccountKind.Company, "Acme", "info@acme.com", null, "acme.com",
        new Ownership("me", "north"), ["vip"], RelationshipPhase.Awareness, 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_creation_records_every_field_that_has_a_value()
    {
        var changes = FieldChanges.OfCreation(Acme);

        Assert.Contains(new FieldChange("display_name", null, "Acme"), changes);
        Assert.Contains(new FieldChange("tags", null, "vip"), changes);
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
