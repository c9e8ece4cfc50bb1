using CrmPlatform.Grpc.Interop.Testing;

namespace CrmPlatform.Grpc.Interop;

/// <summary>A failed interop assertion.</summary>
public sealed class InteropCheckException(string message) : Exception(message);

/// <summary>The client-side assertions of the interop cases.</summary>
internal static class Expect
{
    public static void True(bool condition, string message)
    {
        if (!condition)
        {
            throw new InteropCheckException(message);
        }
    }

    public static void Equal<T>(T expected, T actual, string what) =>
        True(EqualityComparer<T>.Default.Equals(expected, actual), $"{what}: expected {expected}, got {actual}");

    public static void SequenceEqual<T>(IReadOnlyList<T> expected, IReadOnlyList<T> actual, string what) =>
        True(expected.SequenceEqual(actual), $"{what}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");

    public static void Zeros(Payload? payload, int size, string what) =>
        True(Payloads.IsZeros(payload, size), $"{what}: expected a payload of {size} zero bytes, got {payload?.Body.Length.ToString() ?? "none"}");

    public static void ZerosSequence(IReadOnlyList<StreamingOutputCallResponse> responses, IReadOnlyList<int> sizes, string what)
    {
        Equal(sizes.Count, responses.Count, $"{what} response count");
        for (var i = 0; i < sizes.Count; i++)
        {
            Zeros(responses[i].Payload, sizes[i], $"{what} response {i}");
        }
    }

    /// <summary>Runs <paramref name="call"/> and returns the RpcException it must end with.</summary>
    public static async Task<RpcException> Status(StatusCode code, Func<Task> call, string what)
    {
        try
        {
            await call();
        }
        catch (RpcException ex)
        {
            Equal(code, ex.StatusCode, $"{what} status code (detail: '{ex.Status.Detail}')");
            return ex;
        }

        throw new InteropCheckException($"{what}: expected status {code}, the call succeeded");
    }
}
