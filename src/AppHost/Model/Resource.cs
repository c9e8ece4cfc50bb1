using System.Text.RegularExpressions;

namespace CrmPlatform.AppHost.Model;

/// <summary>A named part of the platform: a server, a database or a .NET project.</summary>
public abstract partial class Resource
{
    private readonly List<Resource> _waitsFor = [];

    protected Resource(string name)
    {
        if (!ValidName().IsMatch(name))
        {
            throw new ArgumentException($"Resource name '{name}' must be lower-case letters, digits and dashes, starting with a letter.", nameof(name));
        }

        Name = name;
    }

    public string Name { get; }

    /// <summary>A short word for the console table: "postgres", "database", "rabbitmq", "project".</summary>
    public abstract string Kind { get; }

    /// <summary>Resources that must report healthy before this one starts.</summary>
    public IReadOnlyList<Resource> WaitsFor => _waitsFor;

    /// <summary>Resources this one needs started before it can be configured (its server, its connection strings).</summary>
    public virtual IEnumerable<Resource> Needs => _waitsFor;

    internal void AddWaitFor(Resource dependency)
    {
        if (dependency == this)
        {
            throw new ArgumentException($"Resource '{Name}' cannot wait for itself.", nameof(dependency));
        }

        if (!_waitsFor.Contains(dependency))
        {
            _waitsFor.Add(dependency);
        }
    }

    public override string ToString() => $"{Kind} {Name}";

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex ValidName();
}
