using System.Text;

namespace CrmPlatform.Grpc.Generator.Emit;

/// <summary>Builds C# source line by line with four-space indentation.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder builder = new();
    private int indentation;

    public CodeWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            builder.Append(' ', indentation * 4).Append(text);
        }

        builder.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace, and indents until <see cref="CloseBlock"/>.</summary>
    public CodeWriter OpenBlock(string header)
    {
        Line(header);
        Line("{");
        indentation++;
        return this;
    }

    public CodeWriter CloseBlock()
    {
        indentation--;
        return Line("}");
    }

    public override string ToString() => builder.ToString();
}
