namespace CrmPlatform.Customers.Application;

/// <summary>The de-duplication, merge and bulk import use cases, as the gRPC service reaches them.</summary>
public sealed class MergeAndImportApi(DuplicateScanOperations scans, MergeOperations merges, ImportOperations imports)
{
    public DuplicateScanOperations Scans { get; } = scans;

    public MergeOperations Merges { get; } = merges;

    public ImportOperations Imports { get; } = imports;
}
