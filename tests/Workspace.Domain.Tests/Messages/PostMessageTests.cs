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

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenMarkdownCarriesScriptsOrImages_StoresHtmlWithoutThem(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await GeneralAsync(workspace);
        string[] attacks =
        [
            "[x](javascript:alert(1))",
            "<script>alert(1)</script>",
            "[y](JaVaScRiPt:alert(1))",
            "[z](javascript&#58;alert(1))",
            "![img](http://x/y.png)",
        ];

        foreach (var attack in attacks)
            await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, attack, Guid.NewGuid()), Cancel);

        var stored = await workspace.QueryDbAsync(db => db.Messages.OrderBy(m => m.Seq).Select(m => new { m.Text, m.Html }).ToListAsync(Cancel));
        Assert.Equal(attacks, stored.Select(m => m.Text));
        Assert.All(stored, m =>
        {
            Assert.DoesNotContain("<script", m.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch("(?i)href=\"\\s*javascript", m.Html);
            Assert.DoesNotContain("<img", m.Html, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Equal(
        [
            "<p>x</p>",
            "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
            "<p>y</p>",
            "<p>z</p>",
            "<p><a href=\"http://x/y.png\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">img</a></p>",
        ], stored.Select(m => m.Html));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenTextHasAPlainLink_StoresItWithNoFollowAndNoOpener(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await GeneralAsync(workspace);

        var posted = await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, "docs at https://example.com/docs", Guid.NewGuid()), Cancel);

        const string expected = "<p>docs at <a href=\"https://example.com/docs\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">https://example.com/docs</a></p>";
        Assert.Equal(expected, posted.Message.Html);
        Assert.Equal(expected, await workspace.QueryDbAsync(db => db.Messages.Select(m => m.Html).SingleAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenActorHasNotJoinedAPublicChannel_IsForbidden(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new PostMessage(ann, random.Id, "hi", Guid.NewGuid()), Cancel));
        var nowhere = await Assert.ThrowsAsync<NotFoundException>(async () =>
            await workspace.Send.Send(new PostMessage(ann, Guid.NewGuid(), "hi", Guid.NewGuid()), Cancel));

        Assert.Equal("Join #random first.", refused.Message);
        Assert.Equal("This channel does not exist or you do not have access to it.", nowhere.Message);
        Assert.Equal(0, await workspace.QueryDbAsync(db => db.Messages.CountAsync(Cancel)));
        Assert.Equal(0L, await workspace.QueryDbAsync(db => db.Channels.Where(c => c.Id == random.Id).Select(c => c.ChangeSeq).SingleAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenClientIdIsRepeated_AnswersWithTheFirstMessage(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await GeneralAsync(workspace);
        var ann = await workspace.AddMemberAsync("Ann");
        var clientId = Guid.NewGuid();

        var first = await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, "\n\nfirst\n", clientId), Cancel);
        var retry = await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, "retried", clientId), Cancel);
        var sameIdOtherAuthor = await workspace.Send.Send(new PostMessage(ann, general, "ann's", clientId), Cancel);

        Assert.Equal((true, false, true), (first.Created, retry.Created, sameIdOtherAuthor.Created));
        Assert.Equal(first.Message, retry.Message);
        Assert.Equal("first", first.Message.Text);
        Assert.Equal(2, sameIdOtherAuthor.Message.Seq);
    }

    private static Task<Guid> GeneralAsync(TestWorkspace workspace) =>
        workspace.QueryDbAsync(db => db.Channels.Where(c => c.Name == Channel.General).Select(c => c.Id).SingleAsync(Cancel));
}
