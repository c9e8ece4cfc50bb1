namespace CrmPlatform.Grpc;

/// <summary>The non-generic description of a method.</summary>
public interface IMethod
{
    MethodType Type { get; }

    string ServiceName { get; }

    string Name { get; }

    /// <summary><c>/package.Service/Method</c>.</summary>
    string FullName { get; }
}
