namespace CrmPlatform.Customers.Domain;

/// <summary>An existing record scored against a new one. <see cref="DisplayName"/> is null when the caller may not read it.</summary>
public sealed record DuplicateCandidate(string ResourceName, string? DisplayName, DuplicateMatch Match);
