using CrmPlatform.Grpc.Generator.Model;

namespace CrmPlatform.Grpc.Generator.Parsing;

internal enum ProtoTokenKind
{
    Identifier,
    Integer,
    Float,
    String,
    Symbol,
    EndOfFile,
}

/// <summary>
/// One token of a .proto file. <see cref="Value"/> is the unescaped content for strings and the
/// raw text otherwise. <see cref="LeadingComment"/> is the comment block directly above the token
/// (no blank line in between), with comment markers removed.
/// </summary>
internal sealed class ProtoToken
{
    public ProtoToken(ProtoTokenKind kind, string text, string value, SourceSpan span, string? leadingComment)
    {
        Kind = kind;
        Text = text;
        Value = value;
        Span = span;
        LeadingComment = leadingComment;
    }

    public ProtoTokenKind Kind { get; }

    public string Text { get; }

    public string Value { get; }

    public SourceSpan Span { get; }

    public string? LeadingComment { get; }

    public bool IsSymbol(char symbol) => Kind == ProtoTokenKind.Symbol && Text.Length == 1 && Text[0] == symbol;

    public bool IsIdentifier(string identifier) => Kind == ProtoTokenKind.Identifier && Text == identifier;

    public string Describe() => Kind switch
    {
        ProtoTokenKind.EndOfFile => "end of file",
        ProtoTokenKind.String => "string literal",
        _ => "'" + Text + "'",
    };
}
