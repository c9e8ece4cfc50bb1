using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

/// <summary>
/// The duplicate scan that a finished import starts, on the built service with its production scan interval (an hour):
/// the shared test server scans every two seconds, which would find the duplicates anyway.
/// </summary>
[Collection(CustomersServerCollection.Name)]
public sealed class ImportDuplicateScanTests(CustomersServer server)
{
    [Fact]
    public async Task A_finished_import_has_its_duplicates_listed_without_waiting_for_the_hourly_scan()
    {
        await using var service = await CustomersProcess.StartOnNewDatabaseAsync(server);
        var rep = server.Rep(TestData.NewTenant());
        var importId = Guid.NewGuid().ToString();

        await ImportAsync(service, rep, Batch(importId, 3, Row("crm:1", "John Smith", "JON.SMITH@ACME.COM")));
        var unfinished = await ListGroupsAsync(service, rep);
        var job = await ImportAsync(service, rep, Batch(importId, 3,
            Row("crm:2", "Jon Smith", "jon.smith@acme.com"), Row("crm:3", "Jane Doe", "jane.doe@acme.com")));
        var listed = await EventuallyAsync(() => ListGroupsAsync(service, rep), response => response.Groups.Count > 0);

        Assert.Equal((3, 3), (job.ProcessedRows, job.CreatedAccounts));
        Assert.Null(unfinished.ScanTime);
        Assert.NotNull(listed.ScanTime);
        var group = Assert.Single(listed.Groups);
        Assert.Equal(["John Smith", "Jon Smith"], group.Members.Select(m => m.DisplayName).Order());
    }

    private static async Task<Proto.ImportJob> ImportAsync(CustomersProcess service, TestUser user, Proto.ImportCustomersRequest message)
    {
        using var call = service.Client.ImportCustomers(user.Headers);
        await call.RequestStream.WriteAsync(message);
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    private static async Task<Proto.ListDuplicateGroupsResponse> ListGroupsAsync(CustomersProcess service, TestUser user) =>
        await service.Client.ListDuplicateGroupsAsync(new Proto.ListDuplicateGroupsRequest(), user.Headers);

    private static async Task<Proto.ListDuplicateGroupsResponse> EventuallyAsync(
        Func<Task<Proto.ListDuplicateGroupsResponse>> read, Func<Proto.ListDuplicateGroupsResponse, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await read();
            if (done(response) || DateTime.UtcNow > deadline)
            {
                return response;
            }

            await Task.Delay(100);
        }
    }

    private static Proto.ImportCustomersRequest Batch(string importId, int totalRows, params Proto.ImportRow[] rows) =>
        new() { ImportId = importId, TotalRows = totalRows, Rows = { rows } };

    private static Proto.ImportRow Row(string key, string name, string email) => new()
    {
        RowKey = key,
        Account = new Proto.Account { Kind = Proto.AccountKind.Consumer, DisplayName = name, Email = email },
        ConfirmNotDuplicate = true,
    };
}
