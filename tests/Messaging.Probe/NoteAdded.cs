namespace CrmPlatform.ServiceDefaults.Tests.Messaging;

public sealed record NoteAdded(Guid NoteId, string Text);
