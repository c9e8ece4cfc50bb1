using CrmPlatform.AppHost.Demo;

namespace CrmPlatform.AppHost.Tests;

public sealed class AppHostOptionsTests
{
    [Fact]
    public void The_demo_has_the_default_size_unless_demo_size_is_given()
    {
        Assert.Equal(DemoGenerated.DefaultCount, AppHostOptions.Parse(["--demo"]).DemoSize);
        Assert.Equal(250, AppHostOptions.Parse(["--demo", "--demo-size", "250"]).DemoSize);
        Assert.Equal(0, AppHostOptions.Parse(["--demo-size", "0"]).DemoSize);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("many")]
    [InlineData("30001")]
    public void A_bad_demo_size_is_a_usage_error_naming_the_option(string size)
    {
        var error = Assert.Throws<AppHostUsageException>(() => AppHostOptions.Parse(["--demo-size", size]));

        Assert.Contains("--demo-size", error.Message, StringComparison.Ordinal);
    }
}
