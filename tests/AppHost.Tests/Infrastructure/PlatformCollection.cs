namespace CrmPlatform.AppHost.Tests.Infrastructure;

/// <summary>Test classes that share one running platform.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<DistributedAppFixture>
{
    public const string Name = "platform";
}
