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
    public void A_sorted_token_returns_the_sort_value_and_id_it_was_issued_for_under_the_same_order_only(string orderBy)
    {
        var order = AccountOrder.Parse(orderBy);
        var other = AccountOrder.Parse(orderBy.EndsWith(" desc", StringComparison.Ordinal) ? orderBy[..^5] : orderBy + " desc");
        var created = new DateTimeOffset(2026, 3, 1, 9, 30, 15, 123, TimeSpan.Zero).AddTicks(4560);
        var account = new Account(Guid.CreateVersion7(), "tenant", AccountKind.Company, "Müller & Co. (Ltd.)", null, null, null,
            new Ownership("rep-1", "north"), [], RelationshipPhase.Awareness, 1, created, created.AddDays(1),
            new Dictionary<string, CustomFieldValue>(), null);
        var expected = order.Key switch
        {
            AccountSortKey.DisplayName => new AccountCursor(account.Id, account.DisplayName, null),
            AccountSortKey.CreateTime => new AccountCursor(account.Id, null, account.CreatedAt),
            _ => new AccountCursor(account.Id, null, account.UpdatedAt),
        };

        var token = order.Token(account, $"filters|{order}");
        var after = order.After(token, $"filters|{order}");

        Assert.Equal(expected, after);
        Assert.Equal("page_token", Assert.Throws<InvalidFieldException>(() => other.After(token, $"filters|{other}")).Field);
    }
}
