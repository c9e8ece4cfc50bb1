namespace CrmPlatform.Customers.Domain;

/// <summary>Who a record belongs to: its owner (a user id) and team; the basis of record-level access.</summary>
public sealed record Ownership(string OwnerUserId, string Team);
