using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Messages;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Messages;

public sealed class GetChannelChangesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetChannelChanges_WhenAViewIsBehind_ReturnsWhatChangedAfterItsChangeSeq(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        for (var i = 1; i <= 5; i++)
        {
            await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, $"general {i}", Guid.NewGuid()), Cancel);
            await workspace.Send.Send(new PostMessage(workspace.OwnerId, random.Id, $"random {i}", Guid.NewGuid()), Cancel);
        }

        var behind = await workspace.Send.Send(new GetChannelChanges(ann, general, AfterChangeSeq: 3), Cancel);
        var current = await workspace.Send.Send(new GetChannelChanges(ann, general, AfterChangeSeq: 5), Cancel);
        var fromStart = await workspace.Send.Send(new GetChannelChanges(ann, general, AfterChangeSeq: 0), Cancel);

        Assert.Equal([(4L, 4L, "general 4"), (5L, 5L, "general 5")], behind.Messages.Select(m => (m.Seq, m.ChangeSeq, m.Text)));
        Assert.Equal((5L, true), (behind.ChangeSeq, behind.Complete));
        Assert.Empty(current.Messages);
        Assert.Equal((5L, true), (current.ChangeSeq, current.Complete));
        Assert.Equal(["general 1", "general 2", "general 3", "general 4", "general 5"], fromStart.Messages.Select(m => m.Text));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetChannelChanges_WhenMoreChangedThanOneAnswerCarries_SaysIncompleteSoTheViewReloads(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();
        const int count = GetChannelChangesHandler.MaxChanges + 1;
        await workspace.QueryDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.Messages.AddRange(Enumerable.Range(1, count).Select(i =>
                new Message(general, i, i, workspace.OwnerId, $"m{i}", $"<p>m{i}</p>", Guid.NewGuid(), now)));
            await db.SaveChangesAsync(Cancel);
            return await db.Channels.Where(c => c.Id == general).ExecuteUpdateAsync(set => set
                .SetProperty(c => c.LastSeq, count).SetProperty(c => c.ChangeSeq, count), Cancel);
        });

        var tooMany = await workspace.Send.Send(new GetChannelChanges(workspace.OwnerId, general, AfterChangeSeq: 0), Cancel);
        var justEnough = await workspace.Send.Send(new GetChannelChanges(workspace.OwnerId, general, AfterChangeSeq: 1), Cancel);

        Assert.Equal((0, 0L, false), (tooMany.Messages.Count, tooMany.ChangeSeq, tooMany.Complete));
        Assert.Equal((GetChannelChangesHandler.MaxChanges, (long)count, true), (justEnough.Messages.Count, justEnough.ChangeSeq, justEnough.Complete));
        Assert.Equal(2, justEnough.Messages[0].Seq);
    }
}
