using CrmPlatform.Grpc.Interop;

namespace CrmPlatform.Grpc.Tests.Interop;

internal static class InteropCases
{
    /// <summary>Every case of the interop suite the clients implement, as xunit theory data.</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var testCase in InteropClient.TestCases)
        {
            data.Add(testCase);
        }

        return data;
    }
}
