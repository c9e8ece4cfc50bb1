using CrmPlatform.Customers.Data;
using CrmPlatform.Customers.Domain;
using CrmPlatform.ServiceDefaults.Security;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmPlatform.Customers.Application;

/// <summary>
/// Bulk import. Each row is one transaction: its row key is claimed (a key imported before creates nothing), its
/// account and contacts are created exactly as CreateAccount and CreateContact create them (duplicate guard, history,
/// events in the outbox), and the job's counters move in the same commit, so GetImport sees progress row by row and a
/// crash never leaves half a row. A bad row is counted with its error and does not stop the import.
/// </summary>
public sealed class ImportOperations(
    NpgsqlDataSource dataSource, AccountOperations accounts, ContactOperations contacts, DuplicateScanRequests scanRequests,
    TimeProvider time, ILogger<ImportOperations> logger)
{
    public const int MaxRowsPerMessage = 1000;

    /// <summary>
    /// Creates the job or continues it. A job belongs to its starter and the team they started it in, as a record does:
    /// whoever may change such a record (the starter, their teammates and sales managers, admins) continues it.
    /// </summary>
    public async Task StartAsync(Caller caller, Guid importId, int totalRows, CancellationToken cancellationToken)
    {
        var starter = AccessPolicy.DefaultOwnership(caller, null, null);
        AccessPolicy.EnsureCanCreate(caller, starter, "import");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var job = await ImportRows.StartAsync(
            transaction, caller.TenantId, importId, starter, totalRows, Sql.ToMicroseconds(time.GetUtcNow()), cancellationToken);
        AccessPolicy.EnsureCanWrite(caller, job, ImportJob.ResourcePrefix + importId);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task ImportRowAsync(Caller caller, Guid importId, ImportRowInput row, CancellationToken cancellationToken)
    {
        if (row.Error is { } invalid)
        {
            await CountAsync(caller, importId, new ImportProgress(Failed: 1), invalid, cancellationToken);
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = Sql.ToMicroseconds(time.GetUtcNow());
        if (!await ImportRows.ClaimRowKeyAsync(transaction, caller.TenantId, row.RowKey, importId, now, cancellationToken))
        {
            await ImportRows.CountAsync(transaction, caller.TenantId, importId, new ImportProgress(Skipped: 1), null, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        var place = "account";
        try
        {
            var options = new CreateOptions(null, row.ConfirmNotDuplicate);
            var account = row.Account is null ? null : await accounts.AddAsync(connection, transaction, caller, row.Account, options, cancellationToken);
            var created = new List<Guid>();
            foreach (var (contact, index) in row.Contacts.Select((c, i) => (c, i)))
            {
                place = $"contacts[{index}]";
                var input = contact.AccountId == Guid.Empty ? contact with { AccountId = account!.Id } : contact;
                created.Add((await contacts.AddAsync(transaction, caller, input, options, cancellationToken))!.Id);
            }

            await ImportRows.RecordResultAsync(transaction, caller.TenantId, row.RowKey, account?.Id, created, cancellationToken);
            await ImportRows.CountAsync(transaction, caller.TenantId, importId,
                new ImportProgress(CreatedAccounts: account is null ? 0 : 1, CreatedContacts: created.Count), null, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception error) when (RowError(row.RowKey, place, error) is { } rowError)
        {
            await transaction.RollbackAsync(cancellationToken);
            await CountAsync(caller, importId, new ImportProgress(Failed: 1), rowError, cancellationToken);
        }
    }

    public async Task<ImportJob> GetAsync(Caller caller, Guid importId, CancellationToken cancellationToken)
    {
        AccessPolicy.EnsureCanReadCustomers(caller);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (job, starter) = await ImportRows.FindAsync(connection, caller.TenantId, importId, cancellationToken)
            ?? throw new RecordNotFoundException(ImportJob.ResourcePrefix + importId);
        AccessPolicy.EnsureCanRead(caller, starter, job.ResourceName);
        return job;
    }

    /// <summary>
    /// Logs the progress after a batch of rows. A job that has finished (see <see cref="ImportJob.IsFinished"/>) and
    /// created records has its tenant's duplicate scan run now, so the duplicates page lists what the import brought in
    /// without waiting for the periodic scan.
    /// </summary>
    public void EndBatch(Caller caller, ImportJob job)
    {
        CustomersLog.ImportBatch(logger, job.ResourceName, job.ProcessedRows, job.FailedRows, job.SkippedRows);
        if (job.IsFinished && job.CreatedAccounts + job.CreatedContacts > 0)
        {
            scanRequests.Request(caller.TenantId);
        }
    }

    private async Task CountAsync(Caller caller, Guid importId, ImportProgress progress, ImportRowError error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ImportRows.CountAsync(transaction, caller.TenantId, importId, progress, error, Sql.ToMicroseconds(time.GetUtcNow()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A failure that belongs to the row (bad or duplicate data, a denied owner, a missing account), named by where it arose.</summary>
    private static ImportRowError? RowError(string rowKey, string place, Exception error) => error switch
    {
        InvalidFieldException invalid => ImportRowError.Of(rowKey, place, invalid),
        RecordNotFoundException when place != "account" => new ImportRowError(rowKey, place + ".account", error.Message),
        ProbableDuplicateException or ErasedPersonException or AccessDeniedException or RecordNotFoundException =>
            new ImportRowError(rowKey, place, error.Message),
        _ => null,
    };
}
