using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Tests.Domain;

public sealed class ContactTimesTests
{
    [Fact]
    public void Windows_are_validated_and_ordered_from_monday()
    {
        var times = ContactTimes.Create("Europe/London", [(7, "10:00", "12:00"), (1, "09:00", "17:30")], "contact.contact_times")!;

        Assert.Equal("Europe/London: Mon 09:00-17:30; Sun 10:00-12:00", times.SingleLine);
    }

    [Theory]
    [InlineData("Mars/Olympus", 1, "09:00", "17:00", "contact.contact_times.time_zone")]
    [InlineData("", 1, "09:00", "17:00", "contact.contact_times.time_zone")]
    [InlineData("UTC", 0, "09:00", "17:00", "contact.contact_times.windows[0].day_of_week")]
    [InlineData("UTC", 1, "9am", "17:00", "contact.contact_times.windows[0].start_time")]
    [InlineData("UTC", 1, "17:00", "09:00", "contact.contact_times.windows[0].end_time")]
    public void Impossible_times_are_rejected_naming_the_field(string zone, int day, string start, string end, string field)
    {
        Assert.Equal(field, Assert.Throws<InvalidFieldException>(
            () => ContactTimes.Create(zone, [(day, start, end)], "contact.contact_times")).Field);
    }
}
