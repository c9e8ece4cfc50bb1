using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

/// <summary>Request builders and users shared by the service tests.</summary>
internal static class TestData
{
    public static string NewTenant() => "tenant-" + Guid.NewGuid().ToString("N")[..10];

    public static TestUser Admin(this CustomersServer server, string tenantId) =>
        server.User(tenantId, "admin-" + tenantId, [Roles.Admin]);

    public static TestUser Rep(this CustomersServer server, string tenantId, string userId = "rep-1", string team = "north") =>
        server.User(tenantId, userId, [Roles.SalesRep], team);

    /// <summary>The request with the duplicate check confirmed away: the contact is created even if it looks like another.</summary>
    public static Proto.CreateContactRequest Confirmed(this Proto.CreateContactRequest request)
    {
        request.ConfirmNotDuplicate = true;
        return request;
    }

    public static Proto.CreateAccountRequest Company(string name, string email = "", string phone = "", string domain = "") => new()
    {
        Account = new Proto.Account
        {
            Kind = Proto.AccountKind.Company,
            DisplayName = name,
            Email = email,
            Phone = phone,
            Domain = domain,
        },
    };

    public static Proto.CreateAccountRequest Consumer(string name, string email = "", string phone = "") => new()
    {
        Account = new Proto.Account { Kind = Proto.AccountKind.Consumer, DisplayName = name, Email = email, Phone = phone },
    };

    public static Proto.CreateAccountRequest Confirmed(this Proto.CreateAccountRequest request)
    {
        request.ConfirmNotDuplicate = true;
        return request;
    }

    public static Proto.CreateAccountRequest OwnedBy(this Proto.CreateAccountRequest request, string ownerUserId, string team)
    {
        request.Account.OwnerUserId = ownerUserId;
        request.Account.Team = team;
        return request;
    }

    public static Proto.CreateContactRequest Contact(Proto.Account account, string givenName, string familyName, string email = "") => new()
    {
        Contact = new Proto.Contact { Account = account.Name, GivenName = givenName, FamilyName = familyName, Email = email },
    };

    public static FieldMask Mask(params string[] paths) => new() { Paths = { paths } };

    public static async Task<RpcException> FailsAsync<T>(Func<AsyncUnaryCall<T>> call)
    {
        return await Assert.ThrowsAsync<RpcException>(async () => await call());
    }

    /// <summary>Every message of a server stream, once it has ended; a failed call throws its RpcException.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(AsyncServerStreamingCall<T> call)
    {
        using (call)
        {
            var messages = new List<T>();
            await foreach (var message in call.ResponseStream.ReadAllAsync())
            {
                messages.Add(message);
            }

            return messages;
        }
    }
}
