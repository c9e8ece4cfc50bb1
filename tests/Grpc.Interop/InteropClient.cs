using CrmPlatform.Grpc.Interop.Testing;

namespace CrmPlatform.Grpc.Interop;

/// <summary>
/// The interop client: one method per case of the gRPC interop test descriptions, over a <see cref="GrpcChannel"/>
/// and the generated <see cref="TestService.TestServiceClient"/>.
/// </summary>
public sealed partial class InteropClient : IDisposable
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(30);

    private readonly GrpcChannel _channel;
    private readonly ResponseFrameRecorder _frames;
    private readonly TestService.TestServiceClient _client;
    private readonly bool _serverCompressesResponses;

    /// <param name="address">The server, e.g. http://127.0.0.1:50051 (h2c).</param>
    /// <param name="serverCompressesResponses">
    /// Whether the server can compress responses; when false (grpc-js servers) the server_compressed_* cases
    /// check sizes but not the compressed flag of the response frames.
    /// </param>
    public InteropClient(Uri address, bool serverCompressesResponses = true)
    {
        _frames = new ResponseFrameRecorder(new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
        });
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = _frames, DisposeHttpHandler = true });
        _client = new TestService.TestServiceClient(_channel);
        _serverCompressesResponses = serverCompressesResponses;
    }

    /// <summary>The names of the cases this client implements, in the order of the interop test descriptions.</summary>
    public static IReadOnlyList<string> TestCases { get; } =
    [
        "empty_unary", "large_unary", "client_compressed_unary", "server_compressed_unary",
        "client_streaming", "client_compressed_streaming", "server_streaming", "server_compressed_streaming",
        "ping_pong", "empty_stream", "cancel_after_begin", "cancel_after_first_response",
        "timeout_on_sleeping_server", "custom_metadata", "status_code_and_message", "special_status_message",
        "unimplemented_method", "unimplemented_service",
    ];

    /// <summary>Runs one case; throws <see cref="InteropCheckException"/> or the call's exception when it fails.</summary>
    public Task RunAsync(string testCase) => (testCase switch
    {
        "empty_unary" => EmptyUnaryAsync(),
        "large_unary" => LargeUnaryAsync(),
        "client_compressed_unary" => ClientCompressedUnaryAsync(),
        "server_compressed_unary" => ServerCompressedUnaryAsync(),
        "client_streaming" => ClientStreamingAsync(),
        "client_compressed_streaming" => ClientCompressedStreamingAsync(),
        "server_streaming" => ServerStreamingAsync(),
        "server_compressed_streaming" => ServerCompressedStreamingAsync(),
        "ping_pong" => PingPongAsync(),
        "empty_stream" => EmptyStreamAsync(),
        "cancel_after_begin" => CancelAfterBeginAsync(),
        "cancel_after_first_response" => CancelAfterFirstResponseAsync(),
        "timeout_on_sleeping_server" => TimeoutOnSleepingServerAsync(),
        "custom_metadata" => CustomMetadataAsync(),
        "status_code_and_message" => StatusCodeAndMessageAsync(),
        "special_status_message" => SpecialStatusMessageAsync(),
        "unimplemented_method" => UnimplementedMethodAsync(),
        "unimplemented_service" => UnimplementedServiceAsync(),
        _ => throw new ArgumentException($"Unknown test case '{testCase}'.", nameof(testCase)),
    }).WaitAsync(CaseTimeout);

    /// <summary>Runs the cases in order, writing <c>PASS name</c> or <c>FAIL name: reason</c>; returns 0 if all passed.</summary>
    public async Task<int> RunCasesAsync(IEnumerable<string> testCases, TextWriter output)
    {
        var failed = 0;
        foreach (var testCase in testCases)
        {
            try
            {
                await RunAsync(testCase);
                await output.WriteLineAsync($"PASS {testCase}");
            }
            catch (Exception ex)
            {
                failed++;
                await output.WriteLineAsync($"FAIL {testCase}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        return failed == 0 ? 0 : 1;
    }

    public void Dispose() => _channel.Dispose();
}
