using CrmPlatform.Customers.Application;

namespace CrmPlatform.Customers.Grpc;

/// <summary>The operations behind the contact-management, 360° and value-tier RPCs of <see cref="CustomersService"/>.</summary>
public sealed record TimelineApi(InteractionOperations Interactions, Customer360Operations Customer360, ValueTierOperations ValueTiers);
