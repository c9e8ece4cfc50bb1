using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Tests.Domain;

public sealed class PagingTests
{
    [Theory]
    [InlineData(0, 50)]
    [InlineData(1, 1)]
    [InlineData(1000, 1000)]
    [InlineData(1_000_000, 1000)]
    [InlineData(int.MaxValue, 1000)]
    public void Page_sizes_default_and_are_clamped(int requested, int expected)
    {
        Assert.Equal(expected, Paging.PageSize(requested));
    }

    [Fact]
    public void A_token_returns_the_id_it_was_issued_for_under_the_same_filters_only()
    {
        var id = Guid.CreateVersion7();
        var token = Paging.Token(id, "filters-a");

        Assert.Equal(id, Paging.After(token, "filters-a"));
        Assert.Equal("page_token", Assert.Throws<InvalidFieldException>(() => Paging.After(token, "filters-b")).Field);
        Assert.Equal("page_token", Assert.Throws<InvalidFieldException>(() => Paging.After("garbage!", "filters-a")).Field);
    }

    [Theory]
    [InlineData("display_name")]
    [InlineData("create_time desc")]
    [InlineData("update_time")]
    public void A_sorted_account_token_returns_the_sort_value_and_id_it_was_issued_for_under_the_same_order_only(string orderBy)
    {
        var created = new DateTimeOffset(2026, 3, 1, 9, 30, 15, 123, TimeSpan.Zero).AddTicks(4560);
        var account = new Account(Guid.CreateVersion7(), "tenant", AccountKind.Company, "Müller & Co. (Ltd.)", null, null, null,
            new Ownership("rep-1", "north"), [], RelationshipPhase.Awareness, 1, created, created.AddDays(1),
            new Dictionary<string, CustomFieldValue>(), null);

        AssertTokenRoundTrips(orderBy, Account.SortKeys, account);
    }

    [Theory]
    [InlineData("given_name")]
    [InlineData("given_name desc")]
    [InlineData("family_name")]
    [InlineData("family_name desc")]
    [InlineData("create_time")]
    [InlineData("update_time desc")]
    public void A_sorted_contact_token_returns_the_sort_value_and_id_it_was_issued_for_under_the_same_order_only(string orderBy)
    {
        AssertTokenRoundTrips(orderBy, Contact.SortKeys, NewContact("Zoë", "O'Brien-Smith"));
        AssertTokenRoundTrips(orderBy, Contact.SortKeys, NewContact("Cher", null));
    }

    [Fact]
    public void A_missing_contact_name_sorts_as_empty()
    {
        var contact = NewContact(null, "Okafor");

        Assert.Equal("", contact.SortName(RecordSortKey.GivenName));
        Assert.Equal("Okafor", contact.SortName(RecordSortKey.FamilyName));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("family_name", "family_name")]
    [InlineData("  given_name   desc ", "given_name desc")]
    [InlineData("update_time desc", "update_time desc")]
    public void A_contact_order_parses_and_prints_as_order_by(string orderBy, string printed)
    {
        Assert.Equal(printed, RecordOrder.Parse(orderBy, Contact.SortKeys).ToString());
    }

    [Theory]
    [InlineData("display_name")]
    [InlineData("id")]
    [InlineData("family_name asc")]
    [InlineData("Family_Name")]
    [InlineData("family_name desc desc")]
    public void An_order_by_a_field_contacts_do_not_sort_by_is_invalid(string orderBy)
    {
        var error = Assert.Throws<InvalidFieldException>(() => RecordOrder.Parse(orderBy, Contact.SortKeys));

        Assert.Equal("order_by", error.Field);
        Assert.Contains("given_name, family_name, create_time or update_time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accounts_do_not_sort_by_contact_names()
    {
        Assert.Equal("order_by", Assert.Throws<InvalidFieldException>(() => RecordOrder.Parse("given_name", Account.SortKeys)).Field);
    }

    private static Contact NewContact(string? givenName, string? familyName)
    {
        var created = new DateTimeOffset(2026, 3, 1, 9, 30, 15, 123, TimeSpan.Zero).AddTicks(4560);
        return new Contact(Guid.CreateVersion7(), "tenant", Guid.CreateVersion7(), givenName, familyName, null, null, null,
            new Ownership("rep-1", "north"), [], 1, created, created.AddHours(2), new Dictionary<string, CustomFieldValue>(), null);
    }

    /// <summary>
    /// A token made under <paramref name="orderBy"/> after <paramref name="record"/> gives back its cursor under that order,
    /// and is refused under the reverse order.
    /// </summary>
    private static void AssertTokenRoundTrips(string orderBy, IReadOnlyList<RecordSortKey> keys, ISortable record)
    {
        var order = RecordOrder.Parse(orderBy, keys);
        var other = RecordOrder.Parse(orderBy.EndsWith(" desc", StringComparison.Ordinal) ? orderBy[..^5] : orderBy + " desc", keys);
        var expected = order.Key switch
        {
            RecordSortKey.CreateTime => new RecordCursor(record.Id, null, record.CreatedAt),
            RecordSortKey.UpdateTime => new RecordCursor(record.Id, null, record.UpdatedAt),
            var key => new RecordCursor(record.Id, record.SortName(key), null),
        };

        var token = order.Token(record, $"filters|{order}");
        var after = order.After(token, $"filters|{order}");

        Assert.Equal(expected, after);
        Assert.Equal("page_token", Assert.Throws<InvalidFieldException>(() => other.After(token, $"filters|{other}")).Field);
    }
}
