namespace CrmPlatform.AppHost.Model;

/// <summary>A resource a project reaches through <c>ConnectionStrings__&lt;name&gt;</c>.</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }
}
