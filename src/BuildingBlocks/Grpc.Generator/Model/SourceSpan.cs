using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CrmPlatform.Grpc.Generator.Model;

/// <summary>A range of a .proto file: character offsets plus zero-based line and column.</summary>
internal sealed record SourceSpan(int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static SourceSpan Between(SourceSpan first, SourceSpan last) =>
        new(first.Start, last.Start + last.Length - first.Start, first.StartLine, first.StartColumn, last.EndLine, last.EndColumn);

    public Location ToLocation(string filePath) =>
        Location.Create(
            filePath,
            new TextSpan(Start, Length),
            new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}
