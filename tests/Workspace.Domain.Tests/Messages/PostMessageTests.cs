using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Messages;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Messages;

public sealed class PostMessageTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenMemberPosts_NumbersMessagesFromOne(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await GeneralAsync(workspace);

        var first = await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, "hello", Guid.NewGuid()), Cancel);
        var second = await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, "**again**", Guid.NewGuid()), Cancel);

        Assert.Equal([1L, 2L], [first.Message.Seq, second.Message.Seq]);
        Assert.Equal("<p><strong>again</strong></p>", second.Message.Html);
        Assert.Equal("Olivia Owner", second.Message.AuthorName);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenManyPostConcurrently_SeqIsGaplessAndUnique(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await GeneralAsync(workspace);
        var people = new[] { workspace.OwnerId, await workspace.AddMemberAsync("Ann"), await workspace.AddMemberAsync("Ben"), await workspace.AddMemberAsync("Cy") };

        await Parallel.ForEachAsync(Enumerable.Range(0, 80), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Cancel },
            async (i, ct) => await workspace.Send.Send(new PostMessage(people[i % 4], general, $"message {i}", Guid.NewGuid()), ct));

        var seqs = await workspace.QueryDbAsync(db => db.Messages.Where(m => m.ChannelId == general).Select(m => m.Seq).OrderBy(s => s).ToListAsync(Cancel));
        Assert.Equal(Enumerable.Range(1, 80).Select(i => (long)i), seqs);
        var counters = await workspace.QueryDbAsync(db => db.Channels.Where(c => c.Id == general).Select(c => new { c.LastSeq, c.ChangeSeq }).SingleAsync(Cancel));
        Assert.Equal(80, counters.LastSeq);
        Assert.Equal(80, counters.ChangeSeq);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenSameClientIdSentConcurrently_StoresOneMessage(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await GeneralAsync(workspace);
        var clientId = Guid.NewGuid();

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, "once", clientId), Cancel), Cancel)));

        Assert.Single(answers.Select(a => a.Message.Id).Distinct());
        Assert.Single(answers, a => a.Created);
        Assert.Equal(1, await workspace.QueryDbAsync(db => db.Messages.CountAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenTextIsEmptyOrTooLong_RefusesAndStoresNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await GeneralAsync(workspace);

        var empty = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, "  \n ", Guid.NewGuid()), Cancel));
        var tooLong = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, new string('x', 16_001), Guid.NewGuid()), Cancel));

        Assert.Equal("Write something before sending.", empty.Message);
        Assert.Equal("Messages are at most 16,000 characters.", tooLong.Message);
        Assert.Equal(0, await workspace.QueryDbAsync(db => db.Messages.CountAsync(Cancel)));
        var longest = await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, new string('x', 16_000), Guid.NewGuid()), Cancel);
        Assert.Equal(1, longest.Message.Seq);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_AfterCommit_PublishesMessagePosted(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await GeneralAsync(workspace);
        var received = new TaskCompletionSource<MessagePosted>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = workspace.Events.Subscribe(e =>
        {
            if (e is MessagePosted posted)
                received.TrySetResult(posted);
            return Task.CompletedTask;
        });
        subscription.Follow(ChatEvent.ChannelStream(general));

        var posted = await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, "live", Guid.NewGuid()), Cancel);

        var live = await received.Task.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        Assert.Equal(posted.Message, live.Message);
    }

    private static Task<Guid> GeneralAsync(TestWorkspace workspace) =>
        workspace.QueryDbAsync(db => db.Channels.Where(c => c.Name == Channel.General).Select(c => c.Id).SingleAsync(Cancel));
}
