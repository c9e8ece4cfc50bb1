using CrmPlatform.Customers.Data;
using CrmPlatform.Customers.Domain;
using CrmPlatform.ServiceDefaults.Security;
using Npgsql;

namespace CrmPlatform.Customers.Application;

/// <summary>Custom field definitions: admins define them, everyone who reads customers can list them.</summary>
public sealed class CustomFieldOperations(NpgsqlDataSource dataSource, TimeProvider time)
{
    public async Task<CustomFieldDefinition> DefineAsync(
        Caller caller, RecordKind recordKind, string? key, string? displayName, CustomFieldType? type, IEnumerable<string> choices,
        CancellationToken cancellationToken)
    {
        if (!caller.IsInRole(Roles.Admin))
        {
            throw new AccessDeniedException("Defining custom fields needs the role admin.");
        }

        var definition = CustomFieldRules.Define(recordKind, key, displayName, type, choices, Sql.ToMicroseconds(time.GetUtcNow()));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await CustomFieldDefinitionRows.InsertAsync(connection, caller.TenantId, definition, caller.UserId, cancellationToken))
        {
            throw new RecordExistsException($"A custom field '{definition.Key}' is already defined for {recordKind.ToString().ToLowerInvariant()}s.");
        }

        return definition;
    }

    public async Task<IReadOnlyList<CustomFieldDefinition>> ListAsync(Caller caller, RecordKind? recordKind, CancellationToken cancellationToken)
    {
        AccessPolicy.EnsureCanReadCustomers(caller);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await CustomFieldDefinitionRows.ListAsync(connection, caller.TenantId, recordKind, cancellationToken);
    }
}
