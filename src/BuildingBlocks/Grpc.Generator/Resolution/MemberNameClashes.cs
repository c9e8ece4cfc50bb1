using System;
using System.Collections.Generic;
using CrmPlatform.Grpc.Generator.Model;

namespace CrmPlatform.Grpc.Generator.Resolution;

/// <summary>An rpc whose generated C# member cannot coexist with another member of its class.</summary>
internal sealed class MemberNameClash
{
    public MemberNameClash(ProtoMethod method, string member, string className, string reason)
    {
        Method = method;
        Member = member;
        ClassName = className;
        Reason = reason;
    }

    public ProtoMethod Method { get; }

    public string Member { get; }

    public string ClassName { get; }

    public string Reason { get; }
}

/// <summary>
/// Finds rpc names that would make the generated server base class or client uncompilable: a member
/// named like its class, a client method hiding <c>ClientBase.CallInvoker</c>, or two rpcs mapping
/// to the same client method (<c>Get</c> is <c>GetAsync</c> when unary).
/// </summary>
internal static class MemberNameClashes
{
    private const string CallInvokerProperty = "CallInvoker";

    public static IEnumerable<MemberNameClash> Find(ProtoService service)
    {
        var baseClass = CSharpNames.ServerBaseClassName(service.Name);
        var clientClass = CSharpNames.ClientClassName(service.Name);
        var rpcByClientMethod = new Dictionary<string, ProtoMethod>(StringComparer.Ordinal);
        foreach (var method in service.Methods)
        {
            if (method.Name == baseClass)
            {
                yield return new MemberNameClash(method, method.Name, baseClass, "is the name of the class itself");
            }

            var isUnary = !method.ClientStreaming && !method.ServerStreaming;
            var clientMethod = CSharpNames.ClientMethodName(method.Name, isUnary);
            if (clientMethod == clientClass)
            {
                yield return new MemberNameClash(method, clientMethod, clientClass, "is the name of the class itself");
            }
            else if (clientMethod == CallInvokerProperty)
            {
                yield return new MemberNameClash(method, clientMethod, clientClass, "would hide the CallInvoker property the client calls through");
            }
            else if (rpcByClientMethod.TryGetValue(clientMethod, out var other))
            {
                // The same rpc declared twice is reported as a duplicate instead.
                if (other.Name != method.Name)
                {
                    yield return new MemberNameClash(method, clientMethod, clientClass, "is also generated for rpc '" + other.Name + "'");
                }
            }
            else
            {
                rpcByClientMethod.Add(clientMethod, method);
            }
        }
    }
}
