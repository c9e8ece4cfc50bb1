using System.Net;
using System.Net.Http.Headers;
using CrmPlatform.AppHost.Dashboard;
using CrmPlatform.AppHost.Dashboard.Otlp.Collector.Trace;
using CrmPlatform.Grpc;
using Google.Protobuf;

namespace CrmPlatform.AppHost.Tests.Dashboard;

/// <summary>Storage is bounded (oldest out first, drops counted) and bad requests are refused without touching what is stored.</summary>
public sealed class OtlpLimitsTests : IAsyncLifetime
{
    private const string ApiKey = "limits-key";

    private DashboardServer _dashboard = null!;
    private HttpClient _otlp = null!;
    private DashboardApiClient _api = null!;

    public async Task InitializeAsync()
    {
        _dashboard = await DashboardServer.StartAsync(DashboardOptions.Standalone with
        {
            ApiKey = ApiKey,
            Limits = new TelemetryLimits { MaxSpans = 5, MaxLogs = 3, MaxRequestBytes = 1024 * 1024 },
        });
        _otlp = new HttpClient { BaseAddress = _dashboard.OtlpHttpUrl };
        _api = new DashboardApiClient(_dashboard.UiUrl);
    }

    public async Task DisposeAsync()
    {
        _otlp.Dispose();
        _api.Dispose();
        await _dashboard.DisposeAsync();
    }

    [Fact]
    public async Task The_oldest_spans_and_logs_are_evicted_at_the_limits_and_the_drops_are_counted()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/v1/traces", OtlpPayloads.Spans("shop", "s1", "s2", "s3", "s4"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/v1/traces", OtlpPayloads.Spans("shop", "s5", "s6", "s7", "s8"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/v1/logs", OtlpPayloads.Logs("shop", "l1", "l2", "l3", "l4", "l5"))).StatusCode);

        var traces = await _api.GetAsync("/api/traces");
        Assert.Equal(["s8", "s7", "s6", "s5", "s4"], traces.GetProperty("traces").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        var logs = await _api.GetAsync("/api/logs");
        Assert.Equal(["l5", "l4", "l3"], logs.GetProperty("entries").EnumerateArray().Select(l => l.GetProperty("message").GetString()));
        var summary = await _api.GetAsync("/api/summary");
        Assert.Equal(3, summary.GetProperty("spans").GetProperty("dropped").GetInt64());
        Assert.Equal(2, summary.GetProperty("logs").GetProperty("dropped").GetInt64());
    }

    [Fact]
    public async Task Garbage_bytes_are_a_bad_request()
    {
        await StoreOneSpanAsync();
        using var content = new ByteArrayContent("this is not protobuf"u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");

        var response = await _otlp.SendAsync(Request("/v1/traces", content, ApiKey));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertOnlyTheFirstSpanIsStoredAsync();
    }

    [Fact]
    public async Task A_100_mb_body_is_refused_as_too_large_before_it_is_sent()
    {
        await StoreOneSpanAsync();
        using var content = new HugeContent(100L * 1024 * 1024);
        var request = Request("/v1/traces", content, ApiKey);
        request.Headers.ExpectContinue = true;

        // The client holds the body back until the server says "100 Continue"; the server answers 413 instead.
        using var patient = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) }) { BaseAddress = _dashboard.OtlpHttpUrl };
        var response = await patient.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(content.BytesWritten < 1024 * 1024, $"{content.BytesWritten} bytes were sent");
        await AssertOnlyTheFirstSpanIsStoredAsync();
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_too_large()
    {
        await StoreOneSpanAsync();
        // Just over the 1 MB limit, so the whole body is on the wire before the server answers.
        using var content = new HugeContent((1024 * 1024) + (64 * 1024), knownLength: false);

        var response = await _otlp.SendAsync(Request("/v1/traces", content, ApiKey));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertOnlyTheFirstSpanIsStoredAsync();
    }

    [Fact]
    public async Task Otlp_json_with_hex_ids_is_accepted()
    {
        const string json = """
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"json-shop"}}]},
              "scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174",
                "name":"from json","kind":2,"startTimeUnixNano":"1544712660000000000","endTimeUnixNano":"1544712661000000000"}]}]}]}
            """;
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        var response = await _otlp.SendAsync(Request("/v1/traces", content, ApiKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var trace = await _api.GetAsync("/api/traces/5b8efff798038103d269b633813fc60c");
        Assert.Equal("eee19b7ec3c1b174", trace.GetProperty("spans")[0].GetProperty("spanId").GetString());
        Assert.Equal("json-shop", trace.GetProperty("spans")[0].GetProperty("service").GetString());
    }

    [Fact]
    public async Task Malformed_json_is_a_bad_request()
    {
        await StoreOneSpanAsync();
        using var content = new StringContent("{\"resourceSpans\":[{", System.Text.Encoding.UTF8, "application/json");

        var response = await _otlp.SendAsync(Request("/v1/traces", content, ApiKey));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertOnlyTheFirstSpanIsStoredAsync();
    }

    [Fact]
    public async Task A_wrong_content_type_is_unsupported()
    {
        await StoreOneSpanAsync();
        using var content = new StringContent("{\"resourceSpans\":[]}", System.Text.Encoding.UTF8, "text/plain");

        var response = await _otlp.SendAsync(Request("/v1/traces", content, ApiKey));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertOnlyTheFirstSpanIsStoredAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task A_missing_or_wrong_api_key_is_unauthorized_over_http(string? key)
    {
        await StoreOneSpanAsync();

        var response = await _otlp.SendAsync(Request("/v1/traces", Protobuf(OtlpPayloads.Spans("intruder", "x")), key));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertOnlyTheFirstSpanIsStoredAsync();
    }

    [Fact]
    public async Task A_missing_api_key_is_unauthenticated_over_grpc()
    {
        await StoreOneSpanAsync();
        using var channel = GrpcChannel.ForAddress(_dashboard.OtlpGrpcUrl);
        var client = new TraceService.TraceServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.ExportAsync(OtlpPayloads.Spans("intruder", "x")));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        await AssertOnlyTheFirstSpanIsStoredAsync();
        var accepted = await client.ExportAsync(OtlpPayloads.Spans("shop", "by grpc"), new Metadata { { DashboardOptions.ApiKeyHeader, ApiKey } });
        Assert.NotNull(accepted);
    }

    private static ByteArrayContent Protobuf(IMessage message)
    {
        var content = new ByteArrayContent(message.ToByteArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        return content;
    }

    private static HttpRequestMessage Request(string path, HttpContent content, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (key is not null)
        {
            request.Headers.Add(DashboardOptions.ApiKeyHeader, key);
        }

        return request;
    }

    private Task<HttpResponseMessage> PostAsync(string path, IMessage message) => _otlp.SendAsync(Request(path, Protobuf(message), ApiKey));

    private async Task StoreOneSpanAsync() =>
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/v1/traces", OtlpPayloads.Spans("shop", "first"))).StatusCode);

    private async Task AssertOnlyTheFirstSpanIsStoredAsync()
    {
        var traces = await _api.GetAsync("/api/traces");
        Assert.Equal(["first"], traces.GetProperty("traces").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
    }

    /// <summary>A body of zeros produced while it is sent, counting what actually went out.</summary>
    private sealed class HugeContent : HttpContent
    {
        private readonly long _length;
        private readonly bool _knownLength;

        public HugeContent(long length, bool knownLength = true)
        {
            _length = length;
            _knownLength = knownLength;
            Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        }

        public long BytesWritten { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            while (BytesWritten < _length)
            {
                await stream.WriteAsync(chunk);
                BytesWritten += chunk.Length;
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return _knownLength;
        }
    }
}
