using CrmPlatform.Hosting;

namespace CrmPlatform.EndToEnd.Tests;

/// <summary>
/// An enterprise user in Debian's chromium (driven by playwright-core, tests/EndToEnd.Tests/browser/web-app.mjs) works
/// through the web app served by the gateway of the running platform: signs in, creates a customer and finds it, sorts
/// the list by name, opens its 360 page, fixes an invalid edit, adds three contacts, imports 1,000 customers from a CSV
/// file, finds the contacts in the contacts list by the customer's name, sorts them by family name both ways (the order
/// survives a reload), exports them to a CSV file in that order, edits one and comes back to the same list, opens their
/// account from it and lists only that account's contacts, is warned of a near-duplicate, and signs out. Screenshots of every step go to .crm/test-results/screenshots/web-app.
/// </summary>
[Collection(WebAppPlatformCollection.Name)]
public sealed class WebAppBrowserTests(WebAppPlatformFixture platform)
{
    [Fact]
    public async Task A_user_signs_in_manages_customers_and_their_contacts_imports_a_csv_and_signs_out()
    {
        var root = platform.App.Options.RepositoryRoot;
        var browserDirectory = Path.Combine(root, "tests", "EndToEnd.Tests", "browser");
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is missing: ./crm.sh test installs it (apt-get install chromium).");
        Assert.True(Directory.Exists(Path.Combine(browserDirectory, "node_modules", "playwright-core")), "playwright-core is missing: run npm ci in tests/EndToEnd.Tests/browser.");
        Assert.True(File.Exists(Path.Combine(root, "src", "Gateway", "web", "dist", "index.html")), "The web app is not built: ./crm.sh test builds it (npm run build in src/Gateway/web).");

        var output = new List<string>();
        await using var node = ChildProcess.Start(new ChildProcessStartInfo("browser", "node", ["web-app.mjs"])
        {
            WorkingDirectory = browserDirectory,
            EnvironmentVariables = new Dictionary<string, string>
            {
                ["APP_URL"] = platform.GatewayUrl.ToString(),
                ["ADMIN_EMAIL"] = WebAppPlatformFixture.AdminEmail,
                ["ADMIN_PASSWORD"] = platform.AdminPassword,
                ["SCREENSHOTS"] = Path.Combine(root, ".crm", "test-results", "screenshots", "web-app"),
            },
            Output = line =>
            {
                lock (output)
                {
                    output.Add(line.Text);
                }
            },
        });

        var exitCode = await node.Exited.WaitAsync(TimeSpan.FromMinutes(5));
        await node.OutputDrainedAsync();

        Assert.True(exitCode == 0, string.Join(Environment.NewLine, [.. output, "--- gateway ---", platform.RecentOutput("gateway")]));
    }
}
