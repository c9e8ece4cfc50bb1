using System.Collections.Generic;
using System.Text;
using CrmPlatform.Grpc.Generator.Model;

namespace CrmPlatform.Grpc.Generator.Parsing;

/// <summary>
/// A recursive-descent parser for proto2/proto3/editions files. It records what the service
/// generator needs (package, C# namespace option, imports, declared types, services) and checks
/// the grammar of everything else, so that a malformed file is reported instead of half-read.
/// </summary>
internal sealed class ProtoParser
{
    private const string CSharpNamespaceOption = "csharp_namespace";

    private readonly IReadOnlyList<ProtoToken> tokens;
    private readonly List<ProtoImport> imports = new();
    private readonly List<ProtoTypeDeclaration> types = new();
    private readonly List<ProtoService> services = new();
    private string? package;
    private string? csharpNamespace;
    private int index;

    private ProtoParser(IReadOnlyList<ProtoToken> tokens)
    {
        this.tokens = tokens;
    }

    public static ProtoFile Parse(string path, string text)
    {
        ProtoParser? parser = null;
        ProtoSyntaxError? syntaxError = null;
        try
        {
            parser = new ProtoParser(ProtoTokenizer.Tokenize(text));
            parser.ParseFile();
        }
        catch (ProtoSyntaxException exception)
        {
            syntaxError = new ProtoSyntaxError(exception.Message, exception.Span);
        }

        return new ProtoFile(
            path,
            parser?.package ?? string.Empty,
            parser?.csharpNamespace,
            (parser?.imports ?? new List<ProtoImport>()).ToEquatableArray(),
            (parser?.types ?? new List<ProtoTypeDeclaration>()).ToEquatableArray(),
            (parser?.services ?? new List<ProtoService>()).ToEquatableArray(),
            syntaxError);
    }

    private ProtoToken Current => tokens[index];

    private ProtoToken PeekNext => tokens[index + 1 < tokens.Count ? index + 1 : index];

    private void ParseFile()
    {
        while (Current.Kind != ProtoTokenKind.EndOfFile)
        {
            SkipVisibilityModifier();
            var keyword = Current;
            if (keyword.IsSymbol(';'))
            {
                Advance();
            }
            else if (keyword.IsIdentifier("syntax"))
            {
                ParseSyntax();
            }
            else if (keyword.IsIdentifier("edition"))
            {
                ParseEdition();
            }
            else if (keyword.IsIdentifier("package"))
            {
                ParsePackage();
            }
            else if (keyword.IsIdentifier("import"))
            {
                ParseImport();
            }
            else if (keyword.IsIdentifier("option"))
            {
                var option = ParseOptionStatement();
                if (option.Name == CSharpNamespaceOption)
                {
                    csharpNamespace = option.StringValue ?? throw new ProtoSyntaxException("Option 'csharp_namespace' must be a string.", keyword.Span);
                }
            }
            else if (keyword.IsIdentifier("message"))
            {
                ParseMessage(string.Empty);
            }
            else if (keyword.IsIdentifier("enum"))
            {
                ParseEnum(string.Empty);
            }
            else if (keyword.IsIdentifier("service"))
            {
                ParseService();
            }
            else if (keyword.IsIdentifier("extend"))
            {
                ParseExtend(string.Empty);
            }
            else
            {
                throw Unexpected("a top-level statement (syntax, package, import, option, message, enum, service or extend)");
            }
        }
    }

    private void ParseSyntax()
    {
        Advance();
        ExpectSymbol('=');
        var syntax = Current;
        var value = ExpectString();
        if (value != "proto2" && value != "proto3")
        {
            throw new ProtoSyntaxException("Unrecognized syntax \"" + value + "\": only \"proto2\" and \"proto3\" exist.", syntax.Span);
        }

        ExpectSymbol(';');
    }

    private void ParseEdition()
    {
        Advance();
        ExpectSymbol('=');
        ExpectString();
        ExpectSymbol(';');
    }

    private void ParsePackage()
    {
        var keyword = Advance();
        if (package is not null)
        {
            throw new ProtoSyntaxException("Multiple package definitions.", keyword.Span);
        }

        package = ParseFullIdentifier();
        ExpectSymbol(';');
    }

    private void ParseImport()
    {
        var keyword = Advance();
        var isPublic = false;
        if (Current.IsIdentifier("public"))
        {
            isPublic = true;
            Advance();
        }
        else if (Current.IsIdentifier("weak") || Current.IsIdentifier("option"))
        {
            Advance();
        }

        var path = ExpectString();
        var semicolon = ExpectSymbol(';');
        imports.Add(new ProtoImport(path, isPublic, SourceSpan.Between(keyword.Span, semicolon.Span)));
    }

    private void ParseMessage(string scope)
    {
        Advance();
        var name = ExpectIdentifier().Text;
        types.Add(new ProtoTypeDeclaration(scope + name, ProtoTypeKind.Message));
        ExpectSymbol('{');
        ParseMessageBody(scope + name + ".");
    }

    /// <summary>Parses message members up to and including the closing brace.</summary>
    private void ParseMessageBody(string scope)
    {
        while (!Current.IsSymbol('}'))
        {
            SkipVisibilityModifier();
            var keyword = Current;
            if (keyword.Kind == ProtoTokenKind.EndOfFile)
            {
                throw Unexpected("'}'");
            }

            if (keyword.IsSymbol(';'))
            {
                Advance();
            }
            else if (keyword.IsIdentifier("message"))
            {
                ParseMessage(scope);
            }
            else if (keyword.IsIdentifier("enum"))
            {
                ParseEnum(scope);
            }
            else if (keyword.IsIdentifier("extend"))
            {
                ParseExtend(scope);
            }
            else if (keyword.IsIdentifier("option"))
            {
                ParseOptionStatement();
            }
            else if (keyword.IsIdentifier("oneof"))
            {
                ParseOneof(scope);
            }
            else if (keyword.IsIdentifier("reserved") || keyword.IsIdentifier("extensions"))
            {
                Advance();
                SkipStatement();
            }
            else
            {
                ParseField(scope);
            }
        }

        Advance();
    }

    /// <summary>Skips the edition 2024 <c>export</c>/<c>local</c> modifier of a message or enum declaration.</summary>
    private void SkipVisibilityModifier()
    {
        var isModifier = Current.IsIdentifier("export") || Current.IsIdentifier("local");
        if (isModifier && (PeekNext.IsIdentifier("message") || PeekNext.IsIdentifier("enum")))
        {
            Advance();
        }
    }

    private void ParseOneof(string scope)
    {
        Advance();
        ExpectIdentifier();
        ExpectSymbol('{');
        while (!Current.IsSymbol('}'))
        {
            if (Current.Kind == ProtoTokenKind.EndOfFile)
            {
                throw Unexpected("'}'");
            }

            if (Current.IsSymbol(';'))
            {
                Advance();
            }
            else if (Current.IsIdentifier("option"))
            {
                ParseOptionStatement();
            }
            else
            {
                ParseField(scope);
            }
        }

        Advance();
    }

    private void ParseExtend(string scope)
    {
        Advance();
        ParseTypeName();
        ExpectSymbol('{');
        while (!Current.IsSymbol('}'))
        {
            if (Current.Kind == ProtoTokenKind.EndOfFile)
            {
                throw Unexpected("'}'");
            }

            if (Current.IsSymbol(';'))
            {
                Advance();
            }
            else
            {
                ParseField(scope);
            }
        }

        Advance();
    }

    /// <summary>
    /// Parses <c>[label] type name = number [options];</c>, a map field, or a proto2 group
    /// (which also declares a nested message named after the group).
    /// </summary>
    private void ParseField(string scope)
    {
        if (Current.IsIdentifier("optional") || Current.IsIdentifier("required") || Current.IsIdentifier("repeated"))
        {
            Advance();
        }

        if (Current.IsIdentifier("group") && PeekNext.Kind == ProtoTokenKind.Identifier)
        {
            Advance();
            var groupName = ExpectIdentifier().Text;
            ExpectSymbol('=');
            ExpectFieldNumber();
            ParseOptionalFieldOptions();
            types.Add(new ProtoTypeDeclaration(scope + groupName, ProtoTypeKind.Message));
            ExpectSymbol('{');
            ParseMessageBody(scope + groupName + ".");
            return;
        }

        if (Current.IsIdentifier("map") && PeekNext.IsSymbol('<'))
        {
            Advance();
            Advance();
            ParseTypeName();
            ExpectSymbol(',');
            ParseTypeName();
            ExpectSymbol('>');
        }
        else
        {
            ParseTypeName();
        }

        ExpectIdentifier();
        ExpectSymbol('=');
        ExpectFieldNumber();
        ParseOptionalFieldOptions();
        ExpectSymbol(';');
    }

    private void ExpectFieldNumber()
    {
        if (Current.Kind != ProtoTokenKind.Integer)
        {
            throw Unexpected("a field number");
        }

        Advance();
    }

    private void ParseEnum(string scope)
    {
        Advance();
        var name = ExpectIdentifier().Text;
        types.Add(new ProtoTypeDeclaration(scope + name, ProtoTypeKind.Enum));
        ExpectSymbol('{');
        while (!Current.IsSymbol('}'))
        {
            if (Current.Kind == ProtoTokenKind.EndOfFile)
            {
                throw Unexpected("'}'");
            }

            if (Current.IsSymbol(';'))
            {
                Advance();
            }
            else if (Current.IsIdentifier("option"))
            {
                ParseOptionStatement();
            }
            else if (Current.IsIdentifier("reserved"))
            {
                Advance();
                SkipStatement();
            }
            else
            {
                ExpectIdentifier();
                ExpectSymbol('=');
                if (Current.IsSymbol('-'))
                {
                    Advance();
                }

                if (Current.Kind != ProtoTokenKind.Integer)
                {
                    throw Unexpected("an enum value number");
                }

                Advance();
                ParseOptionalFieldOptions();
                ExpectSymbol(';');
            }
        }

        Advance();
    }

    private void ParseService()
    {
        var keyword = Advance();
        var nameToken = ExpectIdentifier();
        ExpectSymbol('{');
        var methods = new List<ProtoMethod>();
        var isDeprecated = false;
        while (!Current.IsSymbol('}'))
        {
            if (Current.Kind == ProtoTokenKind.EndOfFile)
            {
                throw Unexpected("'}'");
            }

            if (Current.IsSymbol(';'))
            {
                Advance();
            }
            else if (Current.IsIdentifier("option"))
            {
                isDeprecated |= ParseOptionStatement().MarksDeprecated;
            }
            else if (Current.IsIdentifier("rpc"))
            {
                methods.Add(ParseMethod());
            }
            else
            {
                throw Unexpected("'rpc', 'option' or '}'");
            }
        }

        Advance();
        services.Add(new ProtoService(nameToken.Text, keyword.LeadingComment, isDeprecated, nameToken.Span, methods.ToEquatableArray()));
    }

    private ProtoMethod ParseMethod()
    {
        var keyword = Advance();
        var nameToken = ExpectIdentifier();
        var (request, clientStreaming) = ParseMethodType();
        if (!Current.IsIdentifier("returns"))
        {
            throw Unexpected("'returns'");
        }

        Advance();
        var (response, serverStreaming) = ParseMethodType();
        var isDeprecated = false;
        if (Current.IsSymbol('{'))
        {
            Advance();
            while (!Current.IsSymbol('}'))
            {
                if (Current.IsSymbol(';'))
                {
                    Advance();
                }
                else if (Current.IsIdentifier("option"))
                {
                    isDeprecated |= ParseOptionStatement().MarksDeprecated;
                }
                else
                {
                    throw Unexpected("'option' or '}'");
                }
            }

            Advance();
        }
        else
        {
            ExpectSymbol(';');
        }

        return new ProtoMethod(nameToken.Text, request, clientStreaming, response, serverStreaming, keyword.LeadingComment, isDeprecated, nameToken.Span);
    }

    private (ProtoTypeReference Type, bool Streaming) ParseMethodType()
    {
        ExpectSymbol('(');
        var streaming = false;
        if (Current.IsIdentifier("stream"))
        {
            streaming = true;
            Advance();
        }

        var type = ParseTypeName();
        ExpectSymbol(')');
        return (type, streaming);
    }

    /// <summary>Parses <c>option name = value;</c>.</summary>
    private ParsedOption ParseOptionStatement()
    {
        Advance();
        var result = ParseOptionAssignment();
        ExpectSymbol(';');
        return result;
    }

    private void ParseOptionalFieldOptions()
    {
        if (!Current.IsSymbol('['))
        {
            return;
        }

        Advance();
        ParseOptionAssignment();
        while (Current.IsSymbol(','))
        {
            Advance();
            ParseOptionAssignment();
        }

        ExpectSymbol(']');
    }

    private ParsedOption ParseOptionAssignment()
    {
        var name = ParseOptionName();
        ExpectSymbol('=');
        var value = Current;
        var stringValue = ParseConstant();
        return new ParsedOption(name, stringValue, value.Kind == ProtoTokenKind.Identifier ? value.Text : null);
    }

    /// <summary>Parses <c>simple</c>, <c>(custom.ext)</c> and <c>(custom.ext).field.sub</c> option names.</summary>
    private string ParseOptionName()
    {
        var name = new StringBuilder();
        while (true)
        {
            if (Current.IsSymbol('('))
            {
                Advance();
                name.Append('(').Append(ParseTypeName().Name).Append(')');
                ExpectSymbol(')');
            }
            else
            {
                name.Append(ExpectIdentifier().Text);
            }

            if (!Current.IsSymbol('.'))
            {
                return name.ToString();
            }

            Advance();
            name.Append('.');
        }
    }

    /// <summary>
    /// Parses an option value: identifier, (signed) number, string(s) or a text-format aggregate;
    /// returns the unescaped value if it is a string.
    /// </summary>
    private string? ParseConstant()
    {
        var token = Current;
        if (token.IsSymbol('{'))
        {
            SkipBalanced();
            return null;
        }

        if (token.Kind == ProtoTokenKind.String)
        {
            var value = new StringBuilder();
            while (Current.Kind == ProtoTokenKind.String)
            {
                value.Append(Advance().Value);
            }

            return value.ToString();
        }

        if (token.IsSymbol('-') || token.IsSymbol('+'))
        {
            Advance();
            if (Current.Kind is not (ProtoTokenKind.Integer or ProtoTokenKind.Float or ProtoTokenKind.Identifier))
            {
                throw Unexpected("a number");
            }

            Advance();
            return null;
        }

        if (token.Kind is ProtoTokenKind.Integer or ProtoTokenKind.Float)
        {
            Advance();
            return null;
        }

        if (token.Kind == ProtoTokenKind.Identifier)
        {
            ParseFullIdentifier();
            return null;
        }

        throw Unexpected("an option value");
    }

    /// <summary>Skips a balanced <c>{ … }</c> block (text-format aggregate values may nest).</summary>
    private void SkipBalanced()
    {
        var opening = ExpectSymbol('{');
        var depth = 1;
        while (depth > 0)
        {
            var token = Advance();
            if (token.Kind == ProtoTokenKind.EndOfFile)
            {
                throw new ProtoSyntaxException("'{' is never closed: '}' expected.", opening.Span);
            }

            if (token.IsSymbol('{'))
            {
                depth++;
            }
            else if (token.IsSymbol('}'))
            {
                depth--;
            }
        }
    }

    /// <summary>Skips the rest of a <c>reserved</c>/<c>extensions</c> statement, including bracketed options.</summary>
    private void SkipStatement()
    {
        while (!Current.IsSymbol(';'))
        {
            if (Current.Kind == ProtoTokenKind.EndOfFile || Current.IsSymbol('}'))
            {
                throw Unexpected("';'");
            }

            if (Current.IsSymbol('{'))
            {
                SkipBalanced();
            }
            else if (Current.IsSymbol('['))
            {
                ParseOptionalFieldOptions();
            }
            else
            {
                Advance();
            }
        }

        Advance();
    }

    /// <summary>Parses <c>[.]ident(.ident)*</c>, keeping a leading dot.</summary>
    private ProtoTypeReference ParseTypeName()
    {
        var first = Current;
        var name = new StringBuilder();
        if (first.IsSymbol('.'))
        {
            Advance();
            name.Append('.');
        }

        var last = ExpectIdentifier();
        name.Append(last.Text);
        while (Current.IsSymbol('.'))
        {
            Advance();
            last = ExpectIdentifier();
            name.Append('.').Append(last.Text);
        }

        return new ProtoTypeReference(name.ToString(), SourceSpan.Between(first.Span, last.Span));
    }

    private string ParseFullIdentifier()
    {
        var name = new StringBuilder(ExpectIdentifier().Text);
        while (Current.IsSymbol('.'))
        {
            Advance();
            name.Append('.').Append(ExpectIdentifier().Text);
        }

        return name.ToString();
    }

    private ProtoToken ExpectIdentifier()
    {
        if (Current.Kind != ProtoTokenKind.Identifier)
        {
            throw Unexpected("an identifier");
        }

        return Advance();
    }

    private string ExpectString()
    {
        if (Current.Kind != ProtoTokenKind.String)
        {
            throw Unexpected("a string literal");
        }

        var value = new StringBuilder();
        while (Current.Kind == ProtoTokenKind.String)
        {
            value.Append(Advance().Value);
        }

        return value.ToString();
    }

    private ProtoToken ExpectSymbol(char symbol)
    {
        if (!Current.IsSymbol(symbol))
        {
            throw Unexpected("'" + symbol + "'");
        }

        return Advance();
    }

    private ProtoToken Advance()
    {
        var token = Current;
        if (index < tokens.Count - 1)
        {
            index++;
        }

        return token;
    }

    private ProtoSyntaxException Unexpected(string expected) =>
        new("Expected " + expected + ", found " + Current.Describe() + ".", Current.Span);

    /// <summary>An option assignment: its name, and its value when that is a string or an identifier.</summary>
    private readonly struct ParsedOption
    {
        public ParsedOption(string name, string? stringValue, string? identifierValue)
        {
            Name = name;
            StringValue = stringValue;
            IdentifierValue = identifierValue;
        }

        public string Name { get; }

        public string? StringValue { get; }

        public string? IdentifierValue { get; }

        /// <summary><c>option deprecated = true;</c></summary>
        public bool MarksDeprecated => Name == "deprecated" && IdentifierValue == "true";
    }
}
