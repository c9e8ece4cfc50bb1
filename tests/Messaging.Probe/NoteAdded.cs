namespace CrmPlatform.Messaging.Probe;

public sealed record NoteAdded(Guid NoteId, string Text);
