using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Domain.Channels;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Profiles;
using Workspace.Domain.Setup;

namespace Workspace.Benchmarks.Server;

public sealed record SeededPerson(Guid Id, string Handle, string Token);

public sealed record SeededWorkspace(SeededPerson Owner, IReadOnlyList<SeededPerson> People, IReadOnlyList<ChannelRef> Channels);

/// <summary>
/// A workspace made through the domain's own commands, as people would make it: the owner, channels, people invited
/// into all of them, and an API token for everyone. Bulk history is added with SQL afterwards (<see cref="BulkHistory"/>).
/// </summary>
public static class Seeding
{
    private const string Password = "a long enough password";

    public static async Task<SeededWorkspace> SeedAsync(BenchDatabase database, int people, int channels, CancellationToken cancel)
    {
        var services = database.Services;
        var send = services.GetRequiredService<Sender>();
        var ownerId = await send.Send(new SetUpWorkspace("Bench", "Olive Owner", "owner@example.com", Password), cancel);
        var made = new List<ChannelRef>();
        for (var i = 0; i < channels; i++)
            made.Add(await send.Send(new CreateChannel(ownerId, $"bench-{i:D3}", IsPrivate: false), cancel));
        var invited = new List<Guid>();
        for (var i = 0; i < people; i++)
        {
            // An invite names at most 50 channels; people join the rest themselves, as they would.
            var invite = await send.Send(new CreateInvite(ownerId), cancel);
            var person = await send.Send(new AcceptInvite(invite.Token, $"Person {i:D2}", $"person{i:D2}@example.com", Password), cancel);
            foreach (var channel in made)
                await send.Send(new JoinChannel(person, channel.Id), cancel);
            invited.Add(person);
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        var handles = await db.Users.ToDictionaryAsync(u => u.Id, u => u.Handle, cancel);
        async Task<SeededPerson> PersonAsync(Guid id) =>
            new(id, handles[id], (await send.Send(new CreateAccessToken(id, "bench"), cancel)).Token);
        var everyone = new List<SeededPerson>();
        foreach (var id in invited)
            everyone.Add(await PersonAsync(id));
        return new SeededWorkspace(await PersonAsync(ownerId), everyone, made);
    }
}
