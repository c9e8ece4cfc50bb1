using System.Runtime.Versioning;

// The tests start the whole platform; on two cores they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// The platform runs Debian's PostgreSQL and RabbitMQ, and the browser tests Debian's chromium.
[assembly: SupportedOSPlatform("linux")]
