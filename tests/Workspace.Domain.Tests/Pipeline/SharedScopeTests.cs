using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.EventLog;
using Workspace.Domain.Messages;
using Workspace.Domain.Profiles;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Pipeline;

/// <summary>
/// An API call's sends in one scope (<c>Sender.ShareOneScope</c>): the token check, the channel lookup and the post
/// on one context; a failed send leaving nothing for the next to save; a send that finds the scope busy or ended
/// taking one of its own. (What sharing saves, a connection and a lookup of the caller per call, is measured by the
/// posts benchmark: docs/benchmarks.md.)
/// </summary>
public sealed class SharedScopeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task TokenCheckThenPost_InOneScope_PostAsTheTokensOwnerUntilTheTokenIsRevoked(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var token = await workspace.Send.Send(new CreateAccessToken(ann, "bot"), Cancel);

        await using (workspace.Send.ShareOneScope())
            Assert.True(await TokenCheckThenPostAsync(workspace, token.Token, "first"));
        await workspace.Send.Send(new RevokeAccessToken(ann, token.Id), Cancel);
        await using (workspace.Send.ShareOneScope())
            Assert.False(await TokenCheckThenPostAsync(workspace, token.Token, "after revoking"));

        var page = await workspace.Send.Send(new GetChannelMessages(ann, await workspace.GeneralIdAsync()), Cancel);
        var posted = Assert.Single(page.Messages);
        Assert.Equal(("first", ann), (posted.Text, posted.AuthorId));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AFailedSend_LeavesNothingForTheNextSendInTheScopeToSave(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var plans = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "plans", IsPrivate: false), Cancel);
        var ideas = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "ideas", IsPrivate: false), Cancel);
        var eventsBefore = await workspace.QueryDbAsync(db => db.EventLog.CountAsync(Cancel));

        await using (workspace.Send.ShareOneScope())
        {
            // Renamed in memory, audited and logged, then refused by the unique name: none of it may reach the database.
            var taken = await Assert.ThrowsAsync<DomainException>(async () =>
                await workspace.Send.Send(new RenameChannel(workspace.OwnerId, plans.Id, "ideas"), Cancel));
            Assert.Contains("ideas", taken.Message);
            await workspace.Send.Send(new SetChannelTopic(workspace.OwnerId, ideas.Id, "Anything goes"), Cancel);
        }

        var names = await workspace.QueryDbAsync(db => db.Channels.Where(c => c.Id == plans.Id || c.Id == ideas.Id)
            .OrderBy(c => c.Name).Select(c => c.Name + ":" + c.Topic).ToListAsync(Cancel));
        Assert.Equal(["ideas:Anything goes", "plans:"], names);
        var renames = await workspace.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.ChannelRenamed, Cancel));
        Assert.Equal(0, renames);
        // The topic's one event; the refused rename's was noted, and is forgotten with the rest.
        Assert.Equal(eventsBefore + 1, await workspace.QueryDbAsync(db => db.EventLog.CountAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task SendsThatFindTheScopeBusyOrEnded_TakeScopesOfTheirOwn(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();

        var scope = workspace.Send.ShareOneScope();
        // On threads of their own (each carrying the flow's shared scope), so that they overlap on SQLite too.
        var together = await Task.WhenAll(Enumerable.Range(1, 8).Select(n => Task.Run(async () =>
            await workspace.Send.Send(new PostMessage(ann, general, $"together {n}", Guid.NewGuid()), Cancel), Cancel)));
        await scope.DisposeAsync();
        var after = await workspace.Send.Send(new PostMessage(ann, general, "after", Guid.NewGuid()), Cancel);

        Assert.All(together, posted => Assert.True(posted.Created));
        Assert.Equal(9, after.Message.Seq);
        var page = await workspace.Send.Send(new GetChannelMessages(ann, general), Cancel);
        Assert.Equal(Enumerable.Range(1, 9).Select(n => (long)n), page.Messages.Select(m => m.Seq));
    }

    /// <summary>As the API posts: the token check, then the channel lookup and the post. False when the token is refused.</summary>
    private static async Task<bool> TokenCheckThenPostAsync(TestWorkspace workspace, string token, string text)
    {
        if (await workspace.Send.Send(new AuthenticateAccessToken(token), Cancel) is not { } caller)
            return false;
        var general = await workspace.Send.Send(new FindChannel(caller, "general"), Cancel);
        await workspace.Send.Send(new PostMessage(caller, general.Id, text, Guid.NewGuid()), Cancel);
        return true;
    }
}
