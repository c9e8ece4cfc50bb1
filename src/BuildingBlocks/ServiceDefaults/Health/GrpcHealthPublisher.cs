using CrmPlatform.Grpc.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServingStatus = CrmPlatform.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace CrmPlatform.ServiceDefaults.Health;

/// <summary>
/// Reports the readiness checks behind <c>/health</c> through <c>grpc.health.v1</c> (overall service ""), so gRPC
/// load balancers and the gateway see the same state as HTTP probes. NOT_SERVING until the first report.
/// </summary>
internal sealed class GrpcHealthPublisher : IHealthCheckPublisher
{
    private readonly GrpcHealthState _state;

    public GrpcHealthPublisher(GrpcHealthState state)
    {
        _state = state;
        _state.SetStatus(string.Empty, ServingStatus.NotServing);
    }

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        _state.SetStatus(string.Empty, report.Status == HealthStatus.Unhealthy ? ServingStatus.NotServing : ServingStatus.Serving);
        return Task.CompletedTask;
    }
}
