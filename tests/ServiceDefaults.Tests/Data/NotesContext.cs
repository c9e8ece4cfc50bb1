using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.ServiceDefaults.Tests.Data;

public sealed class Note
{
    public Guid Id { get; init; }

    public required string Text { get; set; }
}

/// <summary>EF Core mapped onto the probe's migrated <c>notes</c> table.</summary>
public sealed class NotesContext(DbContextOptions<NotesContext> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Note>(note =>
        {
            note.ToTable("notes");
            note.Property(n => n.Id).HasColumnName("id");
            note.Property(n => n.Text).HasColumnName("text");
        });
}
