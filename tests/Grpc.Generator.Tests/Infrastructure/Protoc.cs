using System.Diagnostics;
using System.Reflection;

namespace CrmPlatform.Grpc.Generator.Tests.Infrastructure;

/// <summary>Runs the protoc shipped in Grpc.Tools to produce the C# message classes of test .proto files.</summary>
internal static class Protoc
{
    private static readonly string ExecutablePath = Metadata("ProtocPath");
    private static readonly string IncludePath = Metadata("ProtocIncludePath");

    public static IReadOnlyList<string> GenerateMessages(IEnumerable<ProtoSource> protos)
    {
        var workDirectory = Directory.CreateTempSubdirectory("grpc-generator-tests-");
        try
        {
            var inputDirectory = Directory.CreateDirectory(Path.Combine(workDirectory.FullName, "in"));
            var outputDirectory = Directory.CreateDirectory(Path.Combine(workDirectory.FullName, "out"));
            var startInfo = new ProcessStartInfo(ExecutablePath)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            startInfo.ArgumentList.Add("--proto_path=" + inputDirectory.FullName);
            startInfo.ArgumentList.Add("--proto_path=" + IncludePath);
            startInfo.ArgumentList.Add("--csharp_out=" + outputDirectory.FullName);
            foreach (var proto in protos)
            {
                var path = Path.Combine(inputDirectory.FullName, proto.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, proto.Text);
                startInfo.ArgumentList.Add(proto.RelativePath);
            }

            using var process = Process.Start(startInfo)!;
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "protoc failed: " + errors.Result);
            return outputDirectory.EnumerateFiles("*.cs", SearchOption.AllDirectories).Select(file => File.ReadAllText(file.FullName)).ToList();
        }
        finally
        {
            workDirectory.Delete(recursive: true);
        }
    }

    private static string Metadata(string key) =>
        typeof(Protoc).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value!;
}
