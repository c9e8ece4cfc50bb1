using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Application;

/// <summary>
/// One import row, validated and normalised as CreateAccount and CreateContact do: the account to create (null when
/// each contact names an existing account) and its contacts, whose <see cref="NewContact.AccountId"/> is
/// <see cref="Guid.Empty"/> when they join the row's account. <see cref="Error"/> is the first problem found instead.
/// </summary>
public sealed record ImportRowInput(
    string RowKey, NewAccount? Account, IReadOnlyList<NewContact> Contacts, bool ConfirmNotDuplicate, ImportRowError? Error = null);

/// <summary>Why a row was not imported; <see cref="Field"/> is named as in INVALID_ARGUMENT messages ("contacts[0].email").</summary>
public sealed record ImportRowError(string RowKey, string Field, string Message)
{
    /// <summary>
    /// The error of an invalid field found at <paramref name="place"/> of the row ("account", "contacts[1]"): a contact's
    /// "contact.email" becomes "contacts[1].email".
    /// </summary>
    public static ImportRowError Of(string rowKey, string place, InvalidFieldException invalid)
    {
        var field = place != "account" && invalid.Field.StartsWith("contact", StringComparison.Ordinal)
            ? place + invalid.Field["contact".Length..]
            : invalid.Field;
        return new ImportRowError(rowKey, field, field + invalid.Message[invalid.Field.Length..]);
    }
}

/// <summary>An import job's progress and its first row errors.</summary>
public sealed record ImportJob(
    Guid Id,
    int TotalRows,
    int ProcessedRows,
    int CreatedAccounts,
    int CreatedContacts,
    int SkippedRows,
    int FailedRows,
    IReadOnlyList<ImportRowError> Errors,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public const string ResourcePrefix = "imports/";

    public string ResourceName => ResourcePrefix + Id;

    /// <summary>Every row of the announced total is processed; a job whose total was not announced ends with each batch.</summary>
    public bool IsFinished => TotalRows == 0 || ProcessedRows >= TotalRows;
}

/// <summary>What one row adds to a job's counters.</summary>
internal sealed record ImportProgress(int CreatedAccounts = 0, int CreatedContacts = 0, int Skipped = 0, int Failed = 0);
