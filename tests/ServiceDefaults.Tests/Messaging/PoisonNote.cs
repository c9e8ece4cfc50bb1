namespace CrmPlatform.ServiceDefaults.Tests.Messaging;

/// <summary>A message its consumer can never process.</summary>
public sealed record PoisonNote(Guid NoteId);

public sealed class PoisonNoteConsumer : MassTransit.IConsumer<PoisonNote>
{
    public Task Consume(MassTransit.ConsumeContext<PoisonNote> context) =>
        throw new InvalidOperationException($"Note {context.Message.NoteId} cannot be processed.");
}
