namespace CrmPlatform.Tests.Infrastructure;

/// <summary>The test collection that shares one <see cref="InfrastructureFixture"/> across a test assembly.</summary>
[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "infrastructure";
}
