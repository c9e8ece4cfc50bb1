using System.Runtime.Versioning;

// Each test starts real servers and services; on two cores they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// The launchers read /proc and run Debian's PostgreSQL and RabbitMQ.
[assembly: SupportedOSPlatform("linux")]
