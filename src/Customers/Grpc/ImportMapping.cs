using CrmPlatform.Customers.Application;
using CrmPlatform.Customers.Domain;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Grpc;

/// <summary>Maps import messages: each row through the same validation as CreateAccount and CreateContact.</summary>
internal static class ImportMapping
{
    private static readonly string RowAccount = Account.ResourcePrefix + Guid.Empty;

    public static Guid ImportId(string value) =>
        Guid.TryParse(value, out var id) ? id : throw new InvalidFieldException("import_id", "must be a UUID naming the import job.");

    /// <summary>Checks a message's size and total before any of its rows is imported.</summary>
    public static void EnsureBatch(Proto.ImportCustomersRequest message)
    {
        if (message.Rows.Count > ImportOperations.MaxRowsPerMessage)
        {
            throw new InvalidFieldException("rows", $"must hold at most {ImportOperations.MaxRowsPerMessage} rows per message; send more messages.");
        }

        if (message.TotalRows < 0)
        {
            throw new InvalidFieldException("total_rows", "must not be negative.");
        }
    }

    /// <summary>The validated row, or the row with its first invalid field as an error.</summary>
    public static ImportRowInput ToRow(Proto.ImportRow row, PhoneNumbers phones)
    {
        var rowKey = row.RowKey.Length <= TextRules.MaxIdLength ? row.RowKey : EmailAddresses.Shorten(row.RowKey);
        var place = "account";
        try
        {
            rowKey = TextRules.OptionalText(row.RowKey, "row_key", TextRules.MaxIdLength)
                ?? throw new InvalidFieldException("row_key", "is required: the row's own key (an external id, or \"file:line\").");
            var account = row.Account is null ? null : AccountMapping.ToNewAccount(row.Account, phones);
            var contacts = new List<NewContact>();
            foreach (var (contact, index) in row.Contacts.Select((c, i) => (c, i)))
            {
                place = $"contacts[{index}]";
                contacts.Add(ToContact(contact, joinsRowAccount: account is not null, phones));
            }

            return account is null && contacts.Count == 0
                ? throw new InvalidFieldException("account", "is required: a row holds an account, or contacts naming their accounts.")
                : new ImportRowInput(rowKey, account, contacts, row.ConfirmNotDuplicate);
        }
        catch (InvalidFieldException invalid)
        {
            return new ImportRowInput(rowKey, null, [], false, ImportRowError.Of(rowKey, place, invalid));
        }
    }

    public static Proto.ImportJob ToProto(ImportJob job) => new()
    {
        Name = job.ResourceName,
        TotalRows = job.TotalRows,
        ProcessedRows = job.ProcessedRows,
        CreatedAccounts = job.CreatedAccounts,
        CreatedContacts = job.CreatedContacts,
        SkippedRows = job.SkippedRows,
        FailedRows = job.FailedRows,
        Errors = { job.Errors.Select(e => new Proto.ImportRowError { RowKey = e.RowKey, Field = e.Field, Message = e.Message }) },
        CreateTime = Fields.Time(job.CreatedAt),
        UpdateTime = Fields.Time(job.UpdatedAt),
    };

    /// <summary>A row's contact joins the row's account (its <see cref="NewContact.AccountId"/> stays empty until that exists).</summary>
    private static NewContact ToContact(Proto.Contact contact, bool joinsRowAccount, PhoneNumbers phones)
    {
        if (!joinsRowAccount)
        {
            return ContactMapping.ToNewContact(contact, phones);
        }

        if (contact.Account.Length > 0)
        {
            throw new InvalidFieldException("contact.account", "must be empty: the contacts of a row with an account join that account.");
        }

        var joining = contact.Clone();
        joining.Account = RowAccount;
        return ContactMapping.ToNewContact(joining, phones);
    }
}
