using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Messages;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Messages;

public sealed class GetChannelMessagesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetChannelMessages_WhenPagingThroughHistory_ReturnsOldestFirstPagesWithTheRightEdges(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        for (var i = 1; i <= 120; i++)
            await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, $"message {i}", Guid.NewGuid()), Cancel);

        var newest = await workspace.Send.Send(new GetChannelMessages(ann, general), Cancel);
        Assert.Equal("71..120 older", Describe(newest));
        Assert.Equal(120, newest.ChangeSeq);
        Assert.Equal("message 71", newest.Messages[0].Text);
        Assert.Equal(("Olivia Owner", "olivia.owner"), (newest.Messages[0].AuthorName, newest.Messages[0].AuthorHandle));

        var middle = await workspace.Send.Send(new GetChannelMessages(ann, general, Before: 71), Cancel);
        Assert.Equal("21..70 older newer", Describe(middle));
        var oldest = await workspace.Send.Send(new GetChannelMessages(ann, general, Before: 21), Cancel);
        Assert.Equal("1..20 newer", Describe(oldest));

        var afterFirst = await workspace.Send.Send(new GetChannelMessages(ann, general, After: 20), Cancel);
        Assert.Equal("21..70 older newer", Describe(afterFirst));
        var toTheEnd = await workspace.Send.Send(new GetChannelMessages(ann, general, After: 70), Cancel);
        Assert.Equal("71..120 older", Describe(toTheEnd));
        var fromStart = await workspace.Send.Send(new GetChannelMessages(ann, general, After: 0, Limit: 10), Cancel);
        Assert.Equal("1..10 newer", Describe(fromStart));

        var around = await workspace.Send.Send(new GetChannelMessages(ann, general, Around: 60), Cancel);
        Assert.Equal("35..84 older newer", Describe(around));
        var aroundFirst = await workspace.Send.Send(new GetChannelMessages(ann, general, Around: 3), Cancel);
        Assert.Equal("1..27 newer", Describe(aroundFirst));
        var aroundLast = await workspace.Send.Send(new GetChannelMessages(ann, general, Around: 120), Cancel);
        Assert.Equal("95..120 older", Describe(aroundLast));

        var small = await workspace.Send.Send(new GetChannelMessages(ann, general, Before: 4, Limit: 3), Cancel);
        Assert.Equal("1..3 newer", Describe(small));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetChannelMessages_WhenACursorIsPastEitherEnd_PagesAsAtThatEnd(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();
        for (var i = 1; i <= 30; i++)
            await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, $"message {i}", Guid.NewGuid()), Cancel);

        async Task<string> Page(long? before = null, long? after = null, long? around = null) =>
            Describe(await workspace.Send.Send(new GetChannelMessages(workspace.OwnerId, general, before, after, around, Limit: 10), Cancel));

        Assert.Equal("21..30 older", await Page(before: 31));
        Assert.Equal("21..30 older", await Page(before: long.MaxValue));
        Assert.Equal(" newer", await Page(before: long.MinValue));
        Assert.Equal("1..10 newer", await Page(after: -7));
        Assert.Equal("1..10 newer", await Page(after: long.MinValue));
        Assert.Equal(" older", await Page(after: 30));
        Assert.Equal(" older", await Page(after: long.MaxValue));
        Assert.Equal("26..30 older", await Page(around: 31));
        Assert.Equal("26..30 older", await Page(around: long.MaxValue));
        Assert.Equal("1..5 newer", await Page(around: 0));
        Assert.Equal("1..5 newer", await Page(around: long.MinValue));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetChannelMessages_AroundAMessageWithReplies_ShowsWhatTheChannelShowsAndNoThreadOnlyReply(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();
        for (var i = 1; i <= 30; i++)
            await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, $"message {i}", Guid.NewGuid()), Cancel);
        for (var i = 1; i <= 3; i++)
            await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, $"reply {i}", Guid.NewGuid(), ThreadRootSeq: 15), Cancel);
        await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, "reply also in the channel", Guid.NewGuid(),
            ThreadRootSeq: 15, AlsoSendToChannel: true), Cancel);

        var aroundRoot = await workspace.Send.Send(new GetChannelMessages(workspace.OwnerId, general, Around: 15, Limit: 10), Cancel);
        Assert.Equal("10..19 older newer", Describe(aroundRoot));
        Assert.Equal("message 15", aroundRoot.Messages.Single(m => m.Seq == 15).Text);
        var aroundReply = await workspace.Send.Send(new GetChannelMessages(workspace.OwnerId, general, Around: 31, Limit: 10), Cancel);
        Assert.Equal("26..31 older", Describe(aroundReply));
        Assert.Equal("reply also in the channel", aroundReply.Messages[^1].Text);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetChannelMessages_WhenChannelIsEmptyOrHasExactlyOnePage_HasNoOlderOrNewer(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();

        var empty = await workspace.Send.Send(new GetChannelMessages(workspace.OwnerId, general), Cancel);
        Assert.Equal(("", 0L), (Describe(empty), empty.ChangeSeq));

        for (var i = 1; i <= MessagePaging.PageSize; i++)
            await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, $"m{i}", Guid.NewGuid()), Cancel);
        var full = await workspace.Send.Send(new GetChannelMessages(workspace.OwnerId, general), Cancel);
        Assert.Equal("1..50", Describe(full));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetChannelMessages_WhenChannelIsPublic_NonMembersMayReadIt(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        await workspace.Send.Send(new PostMessage(workspace.OwnerId, random.Id, "open to all", Guid.NewGuid()), Cancel);

        var page = await workspace.Send.Send(new GetChannelMessages(ann, random.Id), Cancel);

        Assert.Equal(["open to all"], page.Messages.Select(m => m.Text));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetChannelMessages_WhenCursorsOrLimitAreWrong_RefusesWithTheRule(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();

        var twoCursors = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await workspace.Send.Send(new GetChannelMessages(workspace.OwnerId, general, Before: 5, After: 1), Cancel));
        var none = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await workspace.Send.Send(new GetChannelMessages(workspace.OwnerId, general, Limit: 0), Cancel));
        var tooMany = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await workspace.Send.Send(new GetChannelMessages(workspace.OwnerId, general, Limit: 201), Cancel));

        Assert.Equal(["Page with one of before, after or around."], twoCursors.Errors);
        Assert.Equal(["Ask for 1 to 200 messages at a time."], none.Errors);
        Assert.Equal(["Ask for 1 to 200 messages at a time."], tooMany.Errors);
        Assert.Empty((await workspace.Send.Send(new GetChannelMessages(workspace.OwnerId, general, Limit: 200), Cancel)).Messages);
    }

    /// <summary>"21..70 older newer": the page's seqs (a range when they run without gaps) and which edges it reports.</summary>
    private static string Describe(MessagePage page)
    {
        var seqs = page.Messages.Select(m => m.Seq).ToList();
        var contiguous = seqs.Count > 0 && seqs.Zip(seqs.Skip(1)).All(p => p.Second == p.First + 1);
        var range = contiguous ? $"{seqs[0]}..{seqs[^1]}" : string.Join(",", seqs);
        return range + (page.HasOlder ? " older" : "") + (page.HasNewer ? " newer" : "");
    }
}
