namespace CrmPlatform.Customers.Data;

/// <summary>How a read locks the row it finds, until its transaction ends.</summary>
internal enum RowLock
{
    None,

    /// <summary>
    /// <c>FOR KEY SHARE</c>, for a row that a new row is about to reference: it cannot be deleted, merged or erased
    /// (which lock it <c>FOR UPDATE</c>) until the new row commits, and one that is, is found only once that is done,
    /// and then not at all. Ordinary updates of the row go on.
    /// </summary>
    Reference,

    /// <summary><c>FOR UPDATE</c>, for a row the transaction changes.</summary>
    Update,
}

internal static class RowLocks
{
    /// <summary>The locking clause to end a <c>SELECT</c> of one table with.</summary>
    public static string Sql(this RowLock rowLock) => rowLock switch
    {
        RowLock.Reference => " FOR KEY SHARE",
        RowLock.Update => " FOR UPDATE",
        _ => "",
    };
}
