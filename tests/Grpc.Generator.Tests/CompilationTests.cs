using CrmPlatform.Grpc.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CrmPlatform.Grpc.Generator.Tests;

/// <summary>
/// protoc generates the messages of each case, the generator the services; the result must compile
/// against the CrmPlatform.Grpc runtime without errors or warnings (nullable on, all warning levels,
/// XML documentation checked). A naming mismatch with protoc would show up here as a missing type.
/// </summary>
public sealed class CompilationTests
{
    [Fact]
    public void All_rpc_kinds_with_imports_nesting_and_well_known_types_compile_cleanly()
    {
        AssertCompilesCleanly(
            new ProtoSource("crm/common/v1/common_types.proto", """
                syntax = "proto3";
                package crm.common.v1;
                message Money { string currency_code = 1; int64 minor_units = 2; }
                message Page { message Cursor { string token = 1; } int32 size = 1; }
                """),
            new ProtoSource("crm/sales/v1/sales_service.proto", """
                syntax = "proto3";
                package crm.sales.v1;
                import "crm/common/v1/common_types.proto";
                import "google/protobuf/empty.proto";
                import "google/protobuf/timestamp.proto";
                import "google/protobuf/wrappers.proto";

                // Sells things.
                service Sales {
                  // Quotes a <price> & more.
                  rpc Quote (QuoteRequest) returns (crm.common.v1.Money);
                  rpc Watch (common.v1.Page.Cursor) returns (stream Quote.Line);
                  rpc Upload (stream Quote.Line) returns (google.protobuf.Empty);
                  rpc Chat (stream google.protobuf.StringValue) returns (stream .google.protobuf.Timestamp) {
                    option deprecated = true;
                  }
                  rpc lock (QuoteRequest) returns (QuoteRequest);
                }

                service Reports {
                  option deprecated = true;
                  rpc Daily (google.protobuf.Empty) returns (Quote);
                }

                message QuoteRequest { string deal_id = 1; }
                message Quote { message Line { string sku = 1; } repeated Line lines = 1; }
                """));
    }

    [Fact]
    public void Csharp_namespace_option_underscored_file_names_and_no_package_compile_cleanly()
    {
        AssertCompilesCleanly(
            new ProtoSource("legacy/v1beta2_echo-api.proto", """
                syntax = "proto3";
                package legacy.echo_api.v1beta2;
                option csharp_namespace = "CrmPlatform.Legacy.Echo";
                service Echo { rpc Say (Phrase) returns (Phrase); }
                message Phrase { string text = 1; }
                """),
            new ProtoSource("plain_service.proto", """
                syntax = "proto3";
                import "legacy/v1beta2_echo-api.proto";
                service PlainService { rpc Relay (legacy.echo_api.v1beta2.Phrase) returns (Local); }
                message Local {}
                """),
            new ProtoSource("crm/customer_service/v2/customer_service.proto", """
                syntax = "proto2";
                package crm.customer_service.v2;
                message Search { optional group Result = 1 { optional string url = 2; } }
                service Customer_Lookup { rpc Find (Search) returns (Search.Result); }
                """));
    }

    private static void AssertCompilesCleanly(params ProtoSource[] protos)
    {
        var messages = Protoc.GenerateMessages(protos);
        var run = GeneratorHarness.Run(protos, messages);

        Assert.Empty(run.Diagnostics);
        Assert.NotEmpty(run.Sources);
        var problems = run.Output.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)
            .Select(diagnostic => diagnostic.ToString())
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Prepend("Generated code:").Concat(run.Sources.Values)));
    }
}
