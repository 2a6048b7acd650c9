using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Workspace.Domain.Messages;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Realtime;

/// <summary>
/// Nodes sharing one PostgreSQL database share who is online, so that <c>@here</c> reaches a person whichever node
/// their page is on. "Another node" here is a second <see cref="Presence"/> with a <see cref="SharedPresence"/> of its own.
/// </summary>
public sealed class SharedPresenceTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostMessage_WithAtHere_ReachesPeopleOnlineOnAnotherNode_AndNotOnceTheyLeave()
    {
        await using var workspace = await TestWorkspace.CreateAsync(TestWorkspace.Postgres);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        await workspace.AddMemberAsync("Ben Day");
        var general = await workspace.GeneralIdAsync();
        await using var otherNode = await OtherNodeAsync(workspace);
        var presence = new Presence(otherNode);

        presence.Connected(ann);
        await otherNode.WriteChangesAsync(presence, Cancel);
        var whileOnline = await PostAsync(workspace, "@here lunch?");
        presence.Disconnected(ann);
        await otherNode.WriteChangesAsync(presence, Cancel);
        var afterLeaving = await PostAsync(workspace, "@here anyone?");

        Assert.Equal(["ann.lee: Here"], await workspace.MentionRowsAsync(whileOnline));
        Assert.Empty(await workspace.MentionRowsAsync(afterLeaving));

        async Task<Guid> PostAsync(TestWorkspace on, string text) =>
            (await on.Send.Send(new PostMessage(on.OwnerId, general, text, Guid.NewGuid()), Cancel)).Message.Id;
    }

    [Fact]
    public async Task OnlineAmong_CountsNobodyOnANodeThatStoppedRefreshing()
    {
        await using var workspace = await TestWorkspace.CreateAsync(TestWorkspace.Postgres);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        await using var killedNode = await OtherNodeAsync(workspace);
        var presence = new Presence(killedNode);
        presence.Connected(ann);
        await killedNode.WriteChangesAsync(presence, Cancel);
        var whileAlive = await killedNode.OnlineAmongAsync([ann], Cancel);

        await workspace.QueryDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE presence SET seen_at = now() - {SharedPresence.Lifetime + TimeSpan.FromSeconds(1)}", Cancel));

        Assert.Equal([ann], whileAlive);
        Assert.Empty(await killedNode.OnlineAmongAsync([ann], Cancel));
    }

    private static async Task<SharedPresence> OtherNodeAsync(TestWorkspace workspace) =>
        new(await workspace.QueryDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!)), NullLogger<SharedPresence>.Instance);
}
