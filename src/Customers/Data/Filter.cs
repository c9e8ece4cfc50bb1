using Npgsql;

namespace CrmPlatform.Customers.Data;

/// <summary>Builds a WHERE clause of AND-ed conditions, numbering their parameters in order.</summary>
internal sealed class Filter
{
    private readonly List<string> _conditions = [];

    public List<NpgsqlParameter> Parameters { get; } = [];

    /// <summary>Adds <paramref name="condition"/>, in which each "@p" stands for the next of <paramref name="values"/>.</summary>
    public Filter Add(string condition, params NpgsqlParameter[] values)
    {
        var parts = condition.Split("@p");
        if (parts.Length - 1 != values.Length)
        {
            throw new ArgumentException($"'{condition}' needs {parts.Length - 1} values, got {values.Length}.", nameof(values));
        }

        var text = parts[0];
        for (var i = 0; i < values.Length; i++)
        {
            Parameters.Add(values[i]);
            text += "$" + Parameters.Count + parts[i + 1];
        }

        _conditions.Add(text);
        return this;
    }

    public string Where => string.Join(" AND ", _conditions.Select(c => $"({c})"));

    public string NextParameter => "$" + (Parameters.Count + 1);
}
