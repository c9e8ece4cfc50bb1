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
}
