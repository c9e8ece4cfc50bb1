using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using CrmPlatform.Grpc.Tests.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Xunit.Abstractions;

namespace CrmPlatform.Grpc.Tests;

/// <summary>
/// Sends random and mutated gRPC requests for a bounded time. The server must answer every one of them
/// (or reset it) within a timeout, log no unhandled exception, keep its memory bounded and still serve a valid call.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261122;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private static readonly string[] Paths =
    [
        "/test.Tester/Echo", "/test.Tester/Fail", "/test.Tester/Headers", "/test.Tester/Sum", "/test.Tester/Count",
        "/test.Tester/Chat", "/test.Tester/Missing", "/test.Nowhere/Echo", "/test.Tester", "/", "/x/y/z",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/grpc", "application/grpc+proto", "application/grpc-web", "application/grpc-web+proto",
        "application/grpc-web-text", "application/grpc-web-text+proto", "application/json", "application/grpc;charset=x", "text/plain",
    ];

    private static readonly string[] Timeouts = ["1S", "100m", "5u", "0n", "99999999H", "abc", "", "123456789S", "1", "-5S", "9999m"];

    private static readonly string[] Encodings = ["gzip", "identity", "deflate", "snappy", "", "GZIP"];

    [Fact]
    public async Task RandomAndMutatedRequestsNeverCrashHangOrLeakTheServer()
    {
        output.WriteLine($"fuzz seed {Seed}, duration {Duration.TotalSeconds} s");
        await using var server = await GrpcTestServer.StartAsync(o => o.MaxReceiveMessageSize = 64 * 1024);
        using var http2 = CreateClient(server.Http2Address, HttpVersion.Version20);
        using var http1 = CreateClient(server.Http1Address, HttpVersion.Version11);
        await server.CreateClient().EchoAsync("warm-up");
        var baselineMemory = ManagedMemoryAfterCollection();

        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var random = new Random(Seed + worker);
            var sent = 0;
            while (stopwatch.Elapsed < Duration)
            {
                var useHttp1 = random.Next(5) == 0;
                using var request = CreateRequest(random, useHttp1 ? HttpVersion.Version11 : HttpVersion.Version20);
                var description = $"{request.Method} {request.RequestUri} v{request.Version} {request.Content?.Headers.ContentType}";
                await SendAsync(useHttp1 ? http1 : http2, request, description);
                sent++;
            }

            return sent;
        })).ToArray();

        var total = (await Task.WhenAll(workers)).Sum();
        output.WriteLine($"sent {total} requests");

        var reply = await server.CreateClient().EchoAsync("after the storm");
        Assert.Equal("after the storm", reply.Value);
        Assert.Empty(server.Logs.UnhandledExceptions);
        var growth = ManagedMemoryAfterCollection() - baselineMemory;
        output.WriteLine($"managed memory growth {growth / 1024} KB, working set {Environment.WorkingSet / (1024 * 1024)} MB");
        Assert.True(growth < 64 * 1024 * 1024, $"managed memory grew by {growth} bytes");
        Assert.True(Environment.WorkingSet < 2L * 1024 * 1024 * 1024, $"working set is {Environment.WorkingSet} bytes");
        Assert.True(total > 100, $"only {total} requests were sent");
    }

    private static async Task SendAsync(HttpClient client, HttpRequestMessage request, string description)
    {
        using var timeout = new CancellationTokenSource(RequestTimeout);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            await response.Content.CopyToAsync(Stream.Null, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Assert.Fail($"request did not complete within {RequestTimeout.TotalSeconds} s: {description}");
        }
        catch (HttpRequestException)
        {
        }
        catch (IOException)
        {
        }
    }

    private static HttpRequestMessage CreateRequest(Random random, Version version)
    {
        var contentType = Pick(random, ContentTypes);
        var body = CreateBody(random);
        if (contentType.StartsWith("application/grpc-web-text", StringComparison.Ordinal) && random.Next(4) != 0)
        {
            body = Encoding.ASCII.GetBytes(Convert.ToBase64String(body));
        }

        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var request = new HttpRequestMessage(random.Next(20) == 0 ? HttpMethod.Get : HttpMethod.Post, Pick(random, Paths))
        {
            Content = content,
            Version = version,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (random.Next(3) == 0)
        {
            request.Headers.TryAddWithoutValidation("grpc-timeout", Pick(random, Timeouts));
        }

        if (random.Next(3) == 0)
        {
            request.Headers.TryAddWithoutValidation("grpc-encoding", Pick(random, Encodings));
        }

        if (random.Next(3) == 0)
        {
            request.Headers.TryAddWithoutValidation("grpc-accept-encoding", Pick(random, Encodings));
        }

        for (var i = random.Next(4); i > 0; i--)
        {
            var binary = random.Next(2) == 0;
            var value = binary ? RandomBase64OrGarbage(random) : RandomAscii(random, random.Next(1, 64));
            request.Headers.TryAddWithoutValidation($"x-fuzz-{i}{(binary ? "-bin" : string.Empty)}", value);
        }

        return request;
    }

    private static byte[] CreateBody(Random random)
    {
        var body = new List<byte>();
        for (var frames = random.Next(0, 4); frames > 0; frames--)
        {
            body.AddRange(random.Next(8) switch
            {
                0 => RandomBytes(random, random.Next(0, 64)),
                1 => RawGrpc.Frame(RandomBytes(random, random.Next(0, 32)), declaredLength: (uint)random.Next()),
                2 => RawGrpc.Frame(Gzip(ValidMessage(random).ToByteArray()), flags: 1),
                3 => RawGrpc.Frame(ValidMessage(random), flags: (byte)random.Next(256)),
                4 => Truncate(random, RawGrpc.Frame(ValidMessage(random))),
                5 => RawGrpc.Frame(RandomBytes(random, random.Next(60_000, 80_000))),
                _ => RawGrpc.Frame(ValidMessage(random)),
            });
        }

        return Mutate(random, [.. body]);
    }

    private static IMessage ValidMessage(Random random) => random.Next(3) switch
    {
        0 => new StringValue { Value = RandomAscii(random, random.Next(0, 100)) },
        1 => new Int32Value { Value = random.Next(-5, 20) },
        _ => new Empty(),
    };

    private static byte[] Mutate(Random random, byte[] body)
    {
        if (body.Length > 0 && random.Next(4) == 0)
        {
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                body[random.Next(body.Length)] = (byte)random.Next(256);
            }
        }

        return body;
    }

    private static byte[] Truncate(Random random, byte[] frame) => frame[..random.Next(frame.Length)];

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string RandomAscii(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)random.Next(0x20, 0x7F);
        }

        return new string(chars);
    }

    private static string RandomBase64OrGarbage(Random random) =>
        random.Next(2) == 0 ? Convert.ToBase64String(RandomBytes(random, random.Next(0, 40))).TrimEnd('=') : RandomAscii(random, random.Next(1, 40));

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static long ManagedMemoryAfterCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static HttpClient CreateClient(Uri address, Version version) => new(new SocketsHttpHandler { UseProxy = false })
    {
        BaseAddress = address,
        DefaultRequestVersion = version,
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
