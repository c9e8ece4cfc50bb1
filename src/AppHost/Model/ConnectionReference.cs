namespace CrmPlatform.AppHost.Model;

/// <summary>A project's reference to a resource, passed as <c>ConnectionStrings__&lt;ConnectionName&gt;</c>.</summary>
public sealed record ConnectionReference(IResourceWithConnectionString Resource, string ConnectionName);
