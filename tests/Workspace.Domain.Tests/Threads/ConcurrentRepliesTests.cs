using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Messages;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Threads;

public sealed class ConcurrentRepliesTests
{
    private const int RepliesEach = 10;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenFourPeopleReplyToOneRootAtOnce_NumbersEveryReplyOnceWithoutGaps(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        Guid[] people = [workspace.OwnerId, await workspace.AddMemberAsync("Ann"), await workspace.AddMemberAsync("Ben"), await workspace.AddMemberAsync("Cy")];
        var general = await workspace.GeneralIdAsync();
        var root = await workspace.PostAsync(workspace.OwnerId, general, "lunch?");
        var replies = new ConcurrentQueue<MessageView>();

        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = people.Length, CancellationToken = Cancel }, async (me, ct) =>
        {
            for (var i = 0; i < RepliesEach; i++)
                replies.Enqueue((await workspace.Send.Send(
                    new PostMessage(me, general, $"{me}.{i}", Guid.NewGuid(), root.Seq, AlsoSendToChannel: i % 3 == 0), ct)).Message);
        });

        var total = people.Length * RepliesEach;
        Assert.Equal(Enumerable.Range(1, total).Select(n => (long)n), replies.Select(r => r.ReplySeq).Order());
        var stored = await workspace.StoredAsync(root.Id);
        Assert.Equal((total, (long)total), (stored.ReplyCount, stored.LastReplySeq));
        var storedReplySeqs = await workspace.QueryDbAsync(db =>
            db.Messages.Where(m => m.ThreadRootId == root.Id).Select(m => m.ReplySeq).OrderBy(s => s).ToListAsync(Cancel));
        Assert.Equal(Enumerable.Range(1, total).Select(n => (long)n), storedReplySeqs);
        var alsoSent = people.Length * ((RepliesEach + 2) / 3);
        Assert.Equal((1L + alsoSent, 1L + 2L * total), await workspace.CountersAsync(general));
        var thread = await workspace.ThreadAsync(workspace.OwnerId, root);
        Assert.Equal(total, thread.Replies.Count);
    }
}
