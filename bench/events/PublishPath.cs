namespace CrmPlatform.Events.Bench;

/// <summary>How an event leaves the producer after its transaction commits.</summary>
internal enum PublishPath
{
    /// <summary>Written to the outbox inside the transaction; the dispatcher publishes it.</summary>
    Outbox,

    /// <summary>Published straight to the bus after commit (the baseline: no durability guarantee).</summary>
    Direct,
}
