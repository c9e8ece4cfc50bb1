namespace CrmPlatform.Customers.Domain;

/// <summary>A request field that fails validation; <see cref="Field"/> is its path in the request ("account.email").</summary>
public sealed class InvalidFieldException(string field, string problem) : Exception($"{field}: {problem}")
{
    public string Field { get; } = field;
}

/// <summary>The record does not exist for this caller's tenant (or was deleted).</summary>
public sealed class RecordNotFoundException(string resourceName) : Exception($"{resourceName} was not found.");

/// <summary>The caller's etag is not the record's current one: someone else changed it first.</summary>
public sealed class StaleEtagException(string resourceName, string currentEtag)
    : Exception($"{resourceName} was changed since it was read (current etag {currentEtag}); read it again and retry.");

/// <summary>The caller's roles or record ownership do not allow the operation.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);

/// <summary>A create that probably duplicates existing records; retried with confirmation it succeeds.</summary>
public sealed class ProbableDuplicateException(string resourceType, IReadOnlyList<DuplicateCandidate> candidates)
    : Exception($"This {resourceType} probably already exists: {Describe(candidates)}. Set confirm_not_duplicate to create it anyway.")
{
    public IReadOnlyList<DuplicateCandidate> Candidates { get; } = candidates;

    private static string Describe(IReadOnlyList<DuplicateCandidate> candidates) =>
        string.Join("; ", candidates.Select(c => $"{c.ResourceName} (score {c.Match.Score:0.00}, matched {string.Join(", ", c.Match.MatchedFields)})"));
}

/// <summary>A record with the same identity (such as a custom field key) already exists.</summary>
public sealed class RecordExistsException(string message) : Exception(message);
