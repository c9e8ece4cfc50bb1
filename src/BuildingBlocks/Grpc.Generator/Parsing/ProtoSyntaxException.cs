using System;
using CrmPlatform.Grpc.Generator.Model;

namespace CrmPlatform.Grpc.Generator.Parsing;

/// <summary>Thrown by the tokenizer and parser at the first construct they cannot read.</summary>
internal sealed class ProtoSyntaxException : Exception
{
    public ProtoSyntaxException(string message, SourceSpan span)
        : base(message)
    {
        Span = span;
    }

    public SourceSpan Span { get; }
}
