using CrmPlatform.Bench;
using CrmPlatform.Contracts.Customers.V1;
using Google.Protobuf;

namespace CrmPlatform.CustomersBench;

/// <summary>The gRPC requests h2load repeats, and the SQL pgbench repeats for the same work on its side.</summary>
internal static class Requests
{
    public const string CreatePath = "/crm.customers.v1.Customers/CreateAccount";
    public const string GetPath = "/crm.customers.v1.Customers/GetAccount";

    /// <summary>The same account every time; confirm_not_duplicate makes each one a new record.</summary>
    public static CreateAccountRequest Create() => new()
    {
        Account = new Account
        {
            Kind = AccountKind.Company,
            DisplayName = "Benchmark Industries Ltd",
            Email = "orders@benchmark-industries.com",
            Phone = "+14155550100",
            Domain = "benchmark-industries.com",
            Tags = { "bench" },
        },
        ConfirmNotDuplicate = true,
    };

    /// <summary>The columns the service writes for <see cref="Create"/>, and the bench's seeded accounts have.</summary>
    private const string InsertedColumns = """
        id, tenant_id, kind, display_name, email, phone, domain, owner_user_id, team, tags, phase,
            version, created_by, created_at, updated_at, name_key, custom_fields
        """;

    /// <summary>
    /// A table shaped like accounts (same columns, defaults, generated column and indexes) for pgbench's inserts, holding
    /// a copy of the seeded accounts: both sides insert into a table of the same size.
    /// </summary>
    public const string CreateInsertTable = $"""
        CREATE TABLE bench_accounts (LIKE accounts INCLUDING ALL);
        INSERT INTO bench_accounts ({InsertedColumns}) SELECT {InsertedColumns} FROM accounts;
        ANALYZE bench_accounts;
        """;

    /// <summary>
    /// One row of the same width as the service writes for <see cref="Create"/>, with a time-ordered id as the service's
    /// (UUID version 7: the first 48 bits are the Unix time in milliseconds), so both sides add to the primary key's
    /// right edge: a random id lands on a random leaf page, splitting more pages and logging more full-page images.
    /// </summary>
    public const string InsertScript = $$"""
        INSERT INTO bench_accounts ({{InsertedColumns}})
        VALUES (encode(overlay(uuid_send(gen_random_uuid())
                    placing substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 'hex')::uuid,
            'bench', 1, 'Benchmark Industries Ltd', 'orders@benchmark-industries.com', '+14155550100',
            'benchmark-industries.com', 'bench-admin', '', '{bench}', 1, 1, 'bench-admin', now(), now(),
            'benchmark industries ltd', '{}');
        """;

    public static async Task<TemporaryFile> WriteAsync(IMessage message) => await GrpcFrames.WriteAsync(message);
}
