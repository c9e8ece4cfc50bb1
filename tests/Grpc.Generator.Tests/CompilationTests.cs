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

    [Fact]
    public void Standard_health_and_reflection_services_compile_cleanly()
    {
        AssertCompilesCleanly(
            new ProtoSource("grpc/health/v1/health.proto", """
                syntax = "proto3";
                package grpc.health.v1;
                option csharp_namespace = "Grpc.Health.V1";
                option go_package = "google.golang.org/grpc/health/grpc_health_v1";
                option java_multiple_files = true;
                option java_outer_classname = "HealthProto";
                option java_package = "io.grpc.health.v1";
                option objc_class_prefix = "GrpcHealthV1";

                message HealthCheckRequest { string service = 1; }
                message HealthCheckResponse {
                  enum ServingStatus { UNKNOWN = 0; SERVING = 1; NOT_SERVING = 2; SERVICE_UNKNOWN = 3; }
                  ServingStatus status = 1;
                }
                message HealthListRequest {}
                message HealthListResponse { map<string, HealthCheckResponse> statuses = 1; }

                // Health is gRPC's mechanism for checking whether a server is able to handle RPCs.
                service Health {
                  rpc Check(HealthCheckRequest) returns (HealthCheckResponse);
                  rpc List(HealthListRequest) returns (HealthListResponse);
                  rpc Watch(HealthCheckRequest) returns (stream HealthCheckResponse);
                }
                """),
            new ProtoSource("grpc/reflection/v1/reflection.proto", """
                syntax = "proto3";
                package grpc.reflection.v1;
                option java_outer_classname = "ServerReflectionProto";

                service ServerReflection {
                  rpc ServerReflectionInfo(stream ServerReflectionRequest) returns (stream ServerReflectionResponse);
                }
                message ServerReflectionRequest {
                  string host = 1;
                  oneof message_request {
                    string file_by_filename = 3;
                    string file_containing_symbol = 4;
                    ExtensionRequest file_containing_extension = 5;
                    string all_extension_numbers_of_type = 6;
                    string list_services = 7;
                  }
                }
                message ExtensionRequest { string containing_type = 1; int32 extension_number = 2; }
                message ServerReflectionResponse {
                  string valid_host = 1;
                  ServerReflectionRequest original_request = 2;
                  oneof message_response {
                    FileDescriptorResponse file_descriptor_response = 4;
                    ErrorResponse error_response = 7;
                  }
                }
                message FileDescriptorResponse { repeated bytes file_descriptor_proto = 1; }
                message ErrorResponse { int32 error_code = 1; string error_message = 2; }
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
