using CrmPlatform.Customers.Application;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Grpc;

/// <summary>Bulk import: a client stream of row batches for one job, and the job's progress.</summary>
public sealed partial class CustomersService
{
    public override async Task<Proto.ImportJob> ImportCustomers(
        IAsyncStreamReader<Proto.ImportCustomersRequest> requestStream, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var imports = mergeAndImport.Imports;
        Guid? importId = null;
        await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
        {
            var id = ImportMapping.ImportId(message.ImportId);
            if (importId is { } first && first != id)
            {
                throw new InvalidFieldException("import_id", "must be the same in every message of the stream.");
            }

            ImportMapping.EnsureBatch(message);
            importId = id;
            await imports.StartAsync(caller, id, message.TotalRows, context.CancellationToken);
            foreach (var row in message.Rows)
            {
                await imports.ImportRowAsync(caller, id, ImportMapping.ToRow(row, phones), context.CancellationToken);
            }
        }

        var job = await imports.GetAsync(caller,
            importId ?? throw new InvalidFieldException("import_id", "is required: the stream carried no message."), context.CancellationToken);
        imports.EndBatch(caller, job);
        return ImportMapping.ToProto(job);
    }

    public override async Task<Proto.ImportJob> GetImport(Proto.GetImportRequest request, ServerCallContext context)
    {
        var id = ResourceNames.Parse(request.Name, ImportJob.ResourcePrefix, "name");
        return ImportMapping.ToProto(await mergeAndImport.Imports.GetAsync(context.GetCaller(), id, context.CancellationToken));
    }
}
