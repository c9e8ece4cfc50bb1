using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Tests.Domain;

public sealed class MergePlanTests
{
    private static readonly Account Survivor = Consumer("John Smith", "john@acme.com", null, ["vip"],
        new() { ["segment"] = new(CustomFieldType.Text, "retail"), ["size"] = new(CustomFieldType.Number, "3") });

    private static readonly Account Other = Consumer("Jon Smith", "JON.SMITH@ACME.COM", "+14155550100", ["newsletter", "vip"],
        new() { ["segment"] = new(CustomFieldType.Text, "wholesale") });

    [Fact]
    public void Unlisted_fields_keep_the_survivors_values_and_listed_ones_come_from_the_named_record()
    {
        var request = Request(new() { ["phone"] = Other.Id, ["display_name"] = Other.Id });

        var merged = MergePlan.Merge(Survivor, [Other], request);

        Assert.Equal("Jon Smith", merged.DisplayName);
        Assert.Equal("+14155550100", merged.Phone);
        Assert.Equal("john@acme.com", merged.Email);
        Assert.Equal(Survivor.Id, merged.Id);
    }

    [Fact]
    public void Tags_are_united_and_merged_ids_remembered()
    {
        var merged = MergePlan.Merge(Survivor with { MergedIds = [Guid.Empty] }, [Other with { MergedIds = [Guid.AllBitsSet] }], Request([]));

        Assert.Equal(["vip", "newsletter"], merged.Tags);
        Assert.Equal([Guid.Empty, Other.Id, Guid.AllBitsSet], merged.MergedIds);
    }

    [Fact]
    public void Custom_fields_are_taken_per_key_and_a_key_the_source_lacks_is_cleared()
    {
        var merged = MergePlan.Merge(Survivor, [Other], Request(new() { ["custom_fields.segment"] = Other.Id, ["custom_fields.size"] = Other.Id }));

        Assert.Equal("wholesale", merged.CustomFields["segment"].Value);
        Assert.False(merged.CustomFields.ContainsKey("size"));
    }

    [Theory]
    [InlineData("tags", "field_sources.tags")]
    [InlineData("tenant_id", "field_sources.tenant_id")]
    [InlineData("custom_fields.", "field_sources.custom_fields.")]
    public void A_field_a_merge_cannot_take_is_invalid_naming_it(string field, string expected)
    {
        var error = Assert.Throws<InvalidFieldException>(() => MergePlan.Validate(
            RecordKind.Account, Survivor.Id, [Other.Id], new Dictionary<string, Guid> { [field] = Other.Id }, null));

        Assert.Equal(expected, error.Field);
    }

    [Fact]
    public void A_source_outside_the_merge_the_survivor_among_the_merged_or_nothing_to_merge_is_invalid()
    {
        var stranger = Assert.Throws<InvalidFieldException>(() => MergePlan.Validate(
            RecordKind.Contact, Survivor.Id, [Other.Id], new Dictionary<string, Guid> { ["email"] = Guid.CreateVersion7() }, null));
        var itself = Assert.Throws<InvalidFieldException>(() => MergePlan.Validate(
            RecordKind.Account, Survivor.Id, [Other.Id, Survivor.Id], new Dictionary<string, Guid>(), null));
        var nothing = Assert.Throws<InvalidFieldException>(() => MergePlan.Validate(
            RecordKind.Account, Survivor.Id, [], new Dictionary<string, Guid>(), null));

        Assert.Equal("field_sources.email", stranger.Field);
        Assert.Contains("not among the merged", stranger.Message);
        Assert.Equal("merged", itself.Field);
        Assert.Equal("merged", nothing.Field);
    }

    [Fact]
    public void Accounts_of_different_kinds_do_not_merge()
    {
        var company = Other with { Kind = AccountKind.Company };

        var error = Assert.Throws<InvalidFieldException>(() => MergePlan.EnsureSameKind(Survivor, [company]));

        Assert.Equal("merged", error.Field);
    }

    private MergeRequest Request(Dictionary<string, Guid> sources) =>
        MergePlan.Validate(RecordKind.Account, Survivor.Id, [Other.Id], sources, null);

    private static Account Consumer(string name, string? email, string? phone, string[] tags, Dictionary<string, CustomFieldValue> custom) =>
        new(Guid.CreateVersion7(), "t1", AccountKind.Consumer, name, email, phone, null, new Ownership("me", "north"), tags,
            RelationshipPhase.Awareness, 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, custom, null);
}
