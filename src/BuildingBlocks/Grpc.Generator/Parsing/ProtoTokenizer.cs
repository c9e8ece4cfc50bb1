using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CrmPlatform.Grpc.Generator.Model;

namespace CrmPlatform.Grpc.Generator.Parsing;

/// <summary>
/// Splits .proto source text into tokens, skipping whitespace and comments. Comments that sit
/// directly above a token become that token's <see cref="ProtoToken.LeadingComment"/>.
/// </summary>
internal sealed class ProtoTokenizer
{
    private readonly string text;
    private readonly List<string> pendingCommentBlock = new();
    private int position;
    private int line;
    private int column;
    private int lastTokenEndLine = -1;

    private ProtoTokenizer(string text)
    {
        this.text = text;
    }

    /// <summary>Tokenizes the whole text; the last token is always <see cref="ProtoTokenKind.EndOfFile"/>.</summary>
    /// <exception cref="ProtoSyntaxException">An unterminated comment or string, or an invalid character.</exception>
    public static IReadOnlyList<ProtoToken> Tokenize(string text)
    {
        var tokenizer = new ProtoTokenizer(text);
        var tokens = new List<ProtoToken>();
        ProtoToken token;
        do
        {
            token = tokenizer.Next();
            tokens.Add(token);
        }
        while (token.Kind != ProtoTokenKind.EndOfFile);

        return tokens;
    }

    private char Current => position < text.Length ? text[position] : '\0';

    private char Peek(int offset) => position + offset < text.Length ? text[position + offset] : '\0';

    private ProtoToken Next()
    {
        var leadingComment = SkipTrivia();
        var start = position;
        var startLine = line;
        var startColumn = column;

        if (position >= text.Length)
        {
            return new ProtoToken(ProtoTokenKind.EndOfFile, string.Empty, string.Empty, SpanFrom(start, startLine, startColumn), leadingComment);
        }

        var first = Current;
        ProtoTokenKind kind;
        string value;
        if (IsLetter(first))
        {
            while (IsLetter(Current) || IsDigit(Current))
            {
                Advance();
            }

            kind = ProtoTokenKind.Identifier;
            value = text.Substring(start, position - start);
        }
        else if (IsDigit(first) || (first == '.' && IsDigit(Peek(1))))
        {
            kind = ReadNumber();
            value = text.Substring(start, position - start);
        }
        else if (first is '"' or '\'')
        {
            kind = ProtoTokenKind.String;
            value = ReadString(first, startLine, startColumn);
        }
        else if (first > ' ' && first < (char)127)
        {
            Advance();
            kind = ProtoTokenKind.Symbol;
            value = first.ToString();
        }
        else
        {
            Advance();
            throw new ProtoSyntaxException(
                string.Format(CultureInfo.InvariantCulture, "Invalid character U+{0:X4} in .proto source.", (int)first),
                SpanFrom(start, startLine, startColumn));
        }

        lastTokenEndLine = line;
        return new ProtoToken(kind, text.Substring(start, position - start), value, SpanFrom(start, startLine, startColumn), leadingComment);
    }

    /// <summary>Skips whitespace and comments and returns the comment block directly above the next token.</summary>
    private string? SkipTrivia()
    {
        pendingCommentBlock.Clear();
        var newlinesSinceLastComment = 0;
        while (position < text.Length)
        {
            var current = Current;
            if (current == '\n')
            {
                Advance();
                newlinesSinceLastComment++;
                if (newlinesSinceLastComment >= 2)
                {
                    pendingCommentBlock.Clear();
                }
            }
            else if (char.IsWhiteSpace(current))
            {
                Advance();
            }
            else if (current == '/' && Peek(1) == '/')
            {
                var isTrailing = line == lastTokenEndLine;
                var comment = ReadLineComment();
                if (!isTrailing)
                {
                    pendingCommentBlock.Add(comment);
                }

                newlinesSinceLastComment = 0;
            }
            else if (current == '/' && Peek(1) == '*')
            {
                var isTrailing = line == lastTokenEndLine;
                var comment = ReadBlockComment();
                if (!isTrailing)
                {
                    pendingCommentBlock.Clear();
                    pendingCommentBlock.AddRange(comment);
                }

                newlinesSinceLastComment = 0;
            }
            else
            {
                break;
            }
        }

        if (pendingCommentBlock.Count == 0)
        {
            return null;
        }

        var joined = string.Join("\n", pendingCommentBlock).Trim();
        return joined.Length == 0 ? null : joined;
    }

    private string ReadLineComment()
    {
        Advance();
        Advance();
        var start = position;
        while (position < text.Length && Current != '\n')
        {
            Advance();
        }

        return StripOneLeadingSpace(text.Substring(start, position - start).TrimEnd());
    }

    private List<string> ReadBlockComment()
    {
        var start = position;
        var startLine = line;
        var startColumn = column;
        Advance();
        Advance();
        var contentStart = position;
        while (!(Current == '*' && Peek(1) == '/'))
        {
            if (position >= text.Length)
            {
                throw new ProtoSyntaxException("Block comment is never closed: '*/' expected.", SpanFrom(start, startLine, startColumn, 2));
            }

            Advance();
        }

        var content = text.Substring(contentStart, position - contentStart);
        Advance();
        Advance();

        var lines = new List<string>();
        foreach (var rawLine in content.Split('\n'))
        {
            var trimmed = rawLine.Trim();
            if (trimmed.StartsWith("*", System.StringComparison.Ordinal))
            {
                trimmed = StripOneLeadingSpace(trimmed.Substring(1));
            }

            lines.Add(trimmed);
        }

        return lines;
    }

    private static string StripOneLeadingSpace(string comment) =>
        comment.Length > 0 && comment[0] == ' ' ? comment.Substring(1) : comment;

    private ProtoTokenKind ReadNumber()
    {
        var isHex = Current == '0' && (Peek(1) == 'x' || Peek(1) == 'X');
        var isFloat = false;
        while (true)
        {
            var current = Current;
            if (IsDigit(current) || IsLetter(current))
            {
                if (!isHex && (current == 'e' || current == 'E'))
                {
                    isFloat = true;
                    Advance();
                    if (Current is '+' or '-')
                    {
                        Advance();
                    }

                    continue;
                }

                Advance();
            }
            else if (current == '.' && !isHex)
            {
                isFloat = true;
                Advance();
            }
            else
            {
                break;
            }
        }

        return isFloat ? ProtoTokenKind.Float : ProtoTokenKind.Integer;
    }

    private string ReadString(char quote, int startLine, int startColumn)
    {
        var start = position;
        Advance();
        var value = new StringBuilder();
        while (true)
        {
            if (position >= text.Length || Current == '\n')
            {
                throw new ProtoSyntaxException("String literal is never closed: strings cannot span lines.", SpanFrom(start, startLine, startColumn, 1));
            }

            var current = Current;
            Advance();
            if (current == quote)
            {
                return value.ToString();
            }

            if (current == '\\')
            {
                ReadEscape(value, start, startLine, startColumn);
            }
            else
            {
                value.Append(current);
            }
        }
    }

    private void ReadEscape(StringBuilder value, int stringStart, int startLine, int startColumn)
    {
        if (position >= text.Length)
        {
            throw new ProtoSyntaxException("String literal is never closed: strings cannot span lines.", SpanFrom(stringStart, startLine, startColumn, 1));
        }

        var escape = Current;
        if (escape >= '0' && escape <= '7')
        {
            value.Append((char)ReadDigits(8, 3));
            return;
        }

        Advance();
        switch (escape)
        {
            case 'n': value.Append('\n'); return;
            case 't': value.Append('\t'); return;
            case 'r': value.Append('\r'); return;
            case 'a': value.Append('\a'); return;
            case 'b': value.Append('\b'); return;
            case 'f': value.Append('\f'); return;
            case 'v': value.Append('\v'); return;
            case '\\': value.Append('\\'); return;
            case '\'': value.Append('\''); return;
            case '"': value.Append('"'); return;
            case '?': value.Append('?'); return;
            case 'x':
            case 'X':
                value.Append((char)ReadDigits(16, 2));
                return;
            case 'u':
                AppendCodePoint(value, ReadDigits(16, 4), stringStart, startLine, startColumn);
                return;
            case 'U':
                AppendCodePoint(value, ReadDigits(16, 8), stringStart, startLine, startColumn);
                return;
            default:
                throw new ProtoSyntaxException("Invalid escape sequence in string literal.", SpanFrom(stringStart, startLine, startColumn));
        }
    }

    private void AppendCodePoint(StringBuilder value, int codePoint, int stringStart, int startLine, int startColumn)
    {
        var isSurrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
        if (codePoint < 0 || codePoint > 0x10FFFF || isSurrogate)
        {
            throw new ProtoSyntaxException("Invalid Unicode escape in string literal.", SpanFrom(stringStart, startLine, startColumn));
        }

        value.Append(char.ConvertFromUtf32(codePoint));
    }

    private int ReadDigits(int radix, int maximumDigits)
    {
        var result = 0;
        var count = 0;
        while (count < maximumDigits)
        {
            var digit = DigitValue(Current);
            if (digit < 0 || digit >= radix)
            {
                break;
            }

            result = (result * radix) + digit;
            Advance();
            count++;
        }

        return result;
    }

    private static int DigitValue(char character) => character switch
    {
        >= '0' and <= '9' => character - '0',
        >= 'a' and <= 'f' => character - 'a' + 10,
        >= 'A' and <= 'F' => character - 'A' + 10,
        _ => -1,
    };

    private static bool IsLetter(char character) =>
        (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') || character == '_';

    private static bool IsDigit(char character) => character >= '0' && character <= '9';

    private void Advance()
    {
        if (text[position] == '\n')
        {
            line++;
            column = 0;
        }
        else
        {
            column++;
        }

        position++;
    }

    private SourceSpan SpanFrom(int start, int startLine, int startColumn) =>
        new(start, position - start, startLine, startColumn, line, column);

    private static SourceSpan SpanFrom(int start, int startLine, int startColumn, int length) =>
        new(start, length, startLine, startColumn, startLine, startColumn + length);
}
