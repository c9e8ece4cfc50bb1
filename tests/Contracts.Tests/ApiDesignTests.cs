using Google.Protobuf.Reflection;

namespace CrmPlatform.Contracts.Tests;

/// <summary>Every RPC follows the resource-oriented conventions of ARCHITECTURE.md §4 (Google's API design guide).</summary>
public sealed class ApiDesignTests
{
    private static readonly IReadOnlyList<ServiceDescriptor> Services =
        typeof(Contracts.Customers.V1.Customers).Assembly.GetTypes()
            .Where(t => t.IsClass && t.IsAbstract && t.IsSealed && t.GetProperty("Descriptor")?.PropertyType == typeof(ServiceDescriptor))
            .Select(t => (ServiceDescriptor)t.GetProperty("Descriptor")!.GetValue(null)!)
            .ToList();

    public static TheoryData<string> Methods() =>
        new(Services.SelectMany(s => s.Methods).Select(m => m.FullName));

    [Fact]
    public void Every_service_lives_in_a_versioned_crm_package()
    {
        Assert.NotEmpty(Services);
        Assert.All(Services, s => Assert.Matches(@"^crm\.[a-z_]+\.v\d+$", s.File.Package));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Updates_name_their_fields_with_an_update_mask(string method)
    {
        var descriptor = Find(method);
        if (descriptor.Name.StartsWith("Update", StringComparison.Ordinal))
        {
            Assert.Equal("google.protobuf.FieldMask", descriptor.InputType.FindFieldByName("update_mask")?.MessageType?.FullName);
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Paged_lists_take_a_page_token_and_return_the_next_one(string method)
    {
        var descriptor = Find(method);
        if (descriptor.InputType.FindFieldByName("page_size") is not null)
        {
            Assert.NotNull(descriptor.InputType.FindFieldByName("page_token"));
            Assert.NotNull(descriptor.OutputType.FindFieldByName("next_page_token"));
        }
    }

    private static MethodDescriptor Find(string fullName) =>
        Services.SelectMany(s => s.Methods).Single(m => m.FullName == fullName);
}
