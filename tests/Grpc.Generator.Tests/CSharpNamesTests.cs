using CrmPlatform.Grpc.Generator.Model;
using CrmPlatform.Grpc.Generator.Resolution;

namespace CrmPlatform.Grpc.Generator.Tests;

public sealed class CSharpNamesTests
{
    [Theory]
    [InlineData("crm.customers.v1", null, "Crm.Customers.V1")]
    [InlineData("grpc.testing", null, "Grpc.Testing")]
    [InlineData("crm.customer_service.v1beta2", null, "Crm.CustomerService.V1Beta2")]
    [InlineData("Foo.bar_Baz.x9y", null, "Foo.BarBaz.X9Y")]
    [InlineData("", null, "")]
    [InlineData("crm.customers.v1", "CrmPlatform.Contracts.Customers", "CrmPlatform.Contracts.Customers")]
    [InlineData("crm.customers.v1", "", "")]
    public void Namespace_is_the_csharp_namespace_option_or_the_package_in_PascalCase(string package, string? option, string expected)
    {
        Assert.Equal(expected, CSharpNames.FileNamespace(File("/p/a.proto", package, option)));
    }

    [Theory]
    [InlineData("/p/customers.proto", "CustomersReflection")]
    [InlineData("/p/test_service.proto", "TestServiceReflection")]
    [InlineData("C:\\src\\Protos\\v1beta2_my-api.test.proto", "V1Beta2MyApiTestReflection")]
    [InlineData("/p/MyFile.proto", "MyFileReflection")]
    [InlineData("/p/legacy.protodevel", "LegacyReflection")]
    public void Reflection_class_is_the_file_name_in_PascalCase(string path, string expected)
    {
        Assert.Equal(expected, CSharpNames.ReflectionClassName(File(path, "p", null)));
    }

    [Theory]
    [InlineData("crm.v1", "Customer", "global::Crm.V1.Customer")]
    [InlineData("crm.v1", "Customer.Address.Line", "global::Crm.V1.Customer.Types.Address.Types.Line")]
    [InlineData("", "Customer", "global::Customer")]
    public void Nested_messages_live_in_Types_classes(string package, string nestedName, string expected)
    {
        Assert.Equal(expected, CSharpNames.TypeName(File("/p/a.proto", package, null), nestedName));
    }

    [Theory]
    [InlineData("lock", "@lock")]
    [InlineData("Lock", "Lock")]
    [InlineData("event", "@event")]
    public void Keywords_are_escaped(string name, string expected)
    {
        Assert.Equal(expected, CSharpNames.EscapeIdentifier(name));
    }

    private static ProtoFile File(string path, string package, string? csharpNamespace) =>
        new(path, package, csharpNamespace, default, default, default, null);
}
