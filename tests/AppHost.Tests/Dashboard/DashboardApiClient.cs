using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CrmPlatform.AppHost.Tests.Dashboard;

/// <summary>Reads the dashboard's JSON API (logged in first when it has a login URL), polling until telemetry has arrived.</summary>
internal sealed class DashboardApiClient(Uri uiUrl, Uri? loginUrl = null) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = uiUrl };
    private bool _loggedIn = loginUrl is null;

    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken = default)
    {
        await LogInAsync(cancellationToken);
        return await _http.GetFromJsonAsync<JsonElement>(path, cancellationToken);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, CancellationToken cancellationToken = default)
    {
        await LogInAsync(cancellationToken);
        return await _http.PostAsync(path, content: null, cancellationToken);
    }

    /// <summary>GETs <paramref name="path"/> until <paramref name="done"/> holds (or 30 s pass), returning the last answer.</summary>
    public async Task<JsonElement> WaitForAsync(string path, Func<JsonElement, bool> done, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var answer = await GetAsync(path, timeout.Token);
            if (done(answer))
            {
                return answer;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task LogInAsync(CancellationToken cancellationToken)
    {
        if (!_loggedIn)
        {
            (await _http.GetAsync(loginUrl, cancellationToken)).EnsureSuccessStatusCode();
            _loggedIn = true;
        }
    }
}
