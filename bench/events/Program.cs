using CrmPlatform.Events.Bench;
using CrmPlatform.Hosting;

// Commit->consumed latency of integration events at a steady rate, through the transactional outbox and, as the
// baseline measured in the same run under the same load, through a direct publish right after commit.
const int Rate = 200;
var duration = TimeSpan.FromSeconds(15);

await using var postgres = await PostgresServer.StartAsync();
await using var rabbitMq = await RabbitMqServer.StartAsync();
var direct = await LatencyRun.MeasureAsync(postgres, rabbitMq, PublishPath.Direct, Rate, duration);
var outbox = await LatencyRun.MeasureAsync(postgres, rabbitMq, PublishPath.Outbox, Rate, duration);

Console.WriteLine(
    $"events: commit->consumed p50={outbox.P50:F1}ms p99={outbox.P99:F1}ms at {outbox.AchievedRate:F0}/s " +
    $"(direct publish p50={direct.P50:F1}ms p99={direct.P99:F1}ms; outbox/direct p99={outbox.P99 / direct.P99:F2}; " +
    $"{outbox.Count} events, {outbox.Missing} missing)");
