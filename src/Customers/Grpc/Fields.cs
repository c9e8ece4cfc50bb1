using CrmPlatform.Customers.Domain;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.Customers.Grpc;

/// <summary>Request-field rules shared by accounts and contacts (the field names are the request paths).</summary>
internal static class Fields
{
    public const int MaxTeamLength = 100;

    public static string? Owner(string value, string field) => TextRules.OptionalText(value, field, TextRules.MaxIdLength);

    public static string RequiredOwner(string value, string field) =>
        Owner(value, field) ?? throw new InvalidFieldException(field, "is required.");

    public static string? Team(string value, string field) => TextRules.OptionalText(value, field, MaxTeamLength);

    public static IReadOnlyList<string> Tags(RepeatedField<string> tags, string field) => TextRules.Tags(tags, field);

    public static string? Filter(string value, string field) => TextRules.OptionalText(value, field, TextRules.MaxIdLength);

    public static string? Search(string value) => TextRules.OptionalText(value, "query")?.ToLowerInvariant();

    public static Timestamp Time(DateTimeOffset time) => Timestamp.FromDateTimeOffset(time);

    /// <summary>The paths to apply: the mask's, or (AIP-134) every populated field when the mask is empty.</summary>
    public static IReadOnlyList<string> Paths(FieldMask? mask, IEnumerable<string> populated, IReadOnlyCollection<string> updatable)
    {
        if (mask is null || mask.Paths.Count == 0)
        {
            return populated.ToList();
        }

        if (mask.Paths is [ "*" ])
        {
            return updatable.ToList();
        }

        foreach (var path in mask.Paths)
        {
            if (!updatable.Contains(path) && !CustomFieldMapping.IsCustomFieldPath(path))
            {
                throw new InvalidFieldException(
                    "update_mask", $"'{path}' cannot be updated; updatable fields are {string.Join(", ", updatable)}, custom_fields and custom_fields.<key>.");
            }
        }

        return mask.Paths.Distinct().ToList();
    }
}
