using CrmPlatform.Messaging.Probe;
using CrmPlatform.ServiceDefaults.Data;
using CrmPlatform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmPlatform.ServiceDefaults.Tests.Data;

[Collection(InfrastructureCollection.Name)]
public sealed class DbContextTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_pooled_context_round_trips_entities_against_the_migrated_schema()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:notes"] = await TestDatabase.CreateAsync(infrastructure);
        builder.AddPostgres("notes", typeof(NoteAddedConsumer).Assembly);
        builder.AddPostgresDbContext<NotesContext>();
        using var host = builder.Build();
        await host.StartAsync();
        var id = Guid.CreateVersion7();

        using (var scope = host.Services.CreateScope())
        {
            var notes = scope.ServiceProvider.GetRequiredService<NotesContext>();
            notes.Notes.Add(new Note { Id = id, Text = "written by EF" });
            await notes.SaveChangesAsync();
        }

        using (var scope = host.Services.CreateScope())
        {
            var notes = scope.ServiceProvider.GetRequiredService<NotesContext>();
            var note = await notes.Notes.SingleAsync(n => n.Id == id);
            Assert.Equal("written by EF", note.Text);
        }

        await host.StopAsync();
    }
}
