using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Tests.Domain;

public sealed class ContactPolicyTests
{
    [Fact]
    public void Unset_values_take_the_defaults_of_seven_days_and_one_attempt()
    {
        Assert.Equal(new ContactPolicy(TimeSpan.FromDays(7), 1), ContactPolicy.Create(null, 0, "policy"));
    }

    [Theory]
    [InlineData(0.5, 1, "policy.repeated_contact_window")]
    [InlineData(24 * 91, 1, "policy.repeated_contact_window")]
    [InlineData(24, -1, "policy.repeated_contact_threshold")]
    [InlineData(24, 101, "policy.repeated_contact_threshold")]
    public void A_window_outside_an_hour_to_90_days_or_a_bad_threshold_is_refused(double hours, int threshold, string field)
    {
        var error = Assert.Throws<InvalidFieldException>(() => ContactPolicy.Create(TimeSpan.FromHours(hours), threshold, "policy"));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Earlier_attempts_are_reported_only_from_the_threshold_on()
    {
        var policy = new ContactPolicy(TimeSpan.FromDays(3), 2);
        Guid[] one = [Guid.NewGuid()];
        Guid[] two = [Guid.NewGuid(), Guid.NewGuid()];

        Assert.Empty(policy.RepeatedAttempts(one));
        Assert.Equal(two, policy.RepeatedAttempts(two));
    }
}
