using Microsoft.Extensions.Time.Testing;
using Workspace.Domain.Channels;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;
using Workspace.Domain.Threads;

namespace Workspace.Domain.Tests.Threads;

/// <summary>Who follows a thread, how far they have read it, and what the Threads view lists.</summary>
public sealed class ThreadFollowTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenPeopleReply_RepliersFollowReadToTheirReplyAndTheRootAuthorFollowsUnread(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var cy = await workspace.AddMemberAsync("Cy");
        var general = await workspace.GeneralIdAsync();
        var root = await workspace.PostAsync(workspace.OwnerId, general, "lunch?");

        await workspace.ReplyAsync(ann, root, "yes");
        await workspace.ReplyAsync(ben, root, "no");

        async Task<(bool, long)> PlaceOf(Guid person)
        {
            var thread = await workspace.ThreadAsync(person, root);
            return (thread.IsFollowing, thread.LastReadReplySeq);
        }
        Assert.Equal([(true, 0L), (true, 1L), (true, 2L), (false, 0L)],
            [await PlaceOf(workspace.OwnerId), await PlaceOf(ann), await PlaceOf(ben), await PlaceOf(cy)]);
        Assert.Equal(["lunch?: 2"], await workspace.ThreadsListAsync(workspace.OwnerId));
        Assert.Equal(["lunch?: 1"], await workspace.ThreadsListAsync(ann));
        Assert.Equal(["lunch?: 0"], await workspace.ThreadsListAsync(ben));
        Assert.Empty(await workspace.ThreadsListAsync(cy));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenAReplyMentionsSomeone_TheyFollowWithEverythingBeforeItRead(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var cy = await workspace.AddMemberAsync("Cy");
        var general = await workspace.GeneralIdAsync();
        var root = await workspace.PostAsync(workspace.OwnerId, general, "lunch?");
        await workspace.ReplyAsync(ann, root, "yes");
        await workspace.ReplyAsync(workspace.OwnerId, root, "where?");

        await workspace.ReplyAsync(ann, root, "@cy where do you go?");

        var thread = await workspace.ThreadAsync(cy, root);
        Assert.Equal((true, 2L), (thread.IsFollowing, thread.LastReadReplySeq));
        Assert.Equal(["lunch?: 1"], await workspace.ThreadsListAsync(cy));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task FollowThread_WhenUnfollowed_LeavesTheThreadsViewUntilThePersonRepliesAgain(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var general = await workspace.GeneralIdAsync();
        var root = await workspace.PostAsync(workspace.OwnerId, general, "lunch?");
        await workspace.ReplyAsync(ann, root, "yes");
        using var annEvents = new EventRecorder(workspace.Events, ChatEvent.UserStream(ann));

        await workspace.Send.Send(new FollowThread(ann, root.Id, Follow: false), Cancel);

        Assert.Equal(new ThreadRead(ann, root.Id, 1, IsFollowing: false), await annEvents.WaitForAsync<ThreadRead>());
        Assert.Empty(await workspace.ThreadsListAsync(ann));
        await workspace.ReplyAsync(ben, root, "no");
        Assert.Empty(await workspace.ThreadsListAsync(ann));
        Assert.False((await workspace.ThreadAsync(ann, root)).IsFollowing);

        await workspace.ReplyAsync(ann, root, "fine, no");

        Assert.Equal(["lunch?: 0"], await workspace.ThreadsListAsync(ann));
        Assert.Equal((true, 3L), ((await workspace.ThreadAsync(ann, root)).IsFollowing, (await workspace.ThreadAsync(ann, root)).LastReadReplySeq));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task FollowThread_WhenTheRootAuthorUnfollowed_OthersRepliesDoNotFollowItAgain(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var general = await workspace.GeneralIdAsync();
        var root = await workspace.PostAsync(workspace.OwnerId, general, "lunch?");
        await workspace.ReplyAsync(ann, root, "yes");

        await workspace.Send.Send(new FollowThread(workspace.OwnerId, root.Id, Follow: false), Cancel);
        await workspace.ReplyAsync(ben, root, "no");

        Assert.Empty(await workspace.ThreadsListAsync(workspace.OwnerId));
        await workspace.Send.Send(new FollowThread(workspace.OwnerId, root.Id, Follow: true), Cancel);
        Assert.Equal(["lunch?: 2"], await workspace.ThreadsListAsync(workspace.OwnerId));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task MarkThreadRead_WhenAskedToGoBackOrPastTheEnd_NeverMovesBackAndStopsAtTheLastReply(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        var root = await workspace.PostAsync(workspace.OwnerId, general, "lunch?");
        foreach (var text in new[] { "a", "b", "c" })
            await workspace.ReplyAsync(ann, root, text);
        var owner = workspace.OwnerId;
        using var ownerEvents = new EventRecorder(workspace.Events, ChatEvent.UserStream(owner));

        var steps = new List<(long, string)>();
        foreach (var upTo in new[] { 2L, 1L, 0L, 99L, 3L })
        {
            await workspace.Send.Send(new MarkThreadRead(owner, root.Id, upTo), Cancel);
            steps.Add(((await workspace.ThreadAsync(owner, root)).LastReadReplySeq, (await workspace.ThreadsListAsync(owner)).Single()));
        }

        Assert.Equal([(2L, "lunch?: 1"), (2L, "lunch?: 1"), (2L, "lunch?: 1"), (3L, "lunch?: 0"), (3L, "lunch?: 0")], steps);
        await ownerEvents.WaitForAsync<ThreadRead>(r => r.LastReadReplySeq == 3);
        Assert.Equal([2L, 3L], ownerEvents.Received.OfType<ThreadRead>().Select(r => r.LastReadReplySeq));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetThreads_WhenSomeThreadsAreRead_ListsUnreadFirstThenByLatestReply(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        var owner = workspace.OwnerId;
        var a = await workspace.PostAsync(owner, general, "A");
        var b = await workspace.PostAsync(owner, general, "B");
        var c = await workspace.PostAsync(owner, general, "C");
        var d = await workspace.PostAsync(owner, general, "D");
        foreach (var root in new[] { b, a, d, c })
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await workspace.ReplyAsync(ann, root, $"re {root.Text}");
        }

        await workspace.Send.Send(new MarkThreadRead(owner, c.Id, 1), Cancel);
        await workspace.Send.Send(new MarkThreadRead(owner, a.Id, 1), Cancel);

        Assert.Equal(["D: 1", "B: 1", "C: 0", "A: 0"], await workspace.ThreadsListAsync(owner));
        clock.Advance(TimeSpan.FromMinutes(1));
        await workspace.ReplyAsync(ann, a, "again");
        Assert.Equal(["A: 1", "D: 1", "B: 1", "C: 0"], await workspace.ThreadsListAsync(owner));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetThreads_WhenThePersonLeftTheChannel_DoesNotListItsThreads(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        await workspace.Send.Send(new JoinChannel(ann, random.Id), Cancel);
        var inRandom = await workspace.PostAsync(workspace.OwnerId, random.Id, "in random");
        var inGeneral = await workspace.PostAsync(workspace.OwnerId, general, "in general");
        await workspace.ReplyAsync(ann, inRandom, "me too");
        await workspace.ReplyAsync(ann, inGeneral, "me too");
        await workspace.ReplyAsync(workspace.OwnerId, inRandom, "news");
        Assert.Equal(["in random: 1", "in general: 0"], await workspace.ThreadsListAsync(ann));

        await workspace.Send.Send(new LeaveChannel(ann, random.Id), Cancel);

        Assert.Equal(["in general: 0"], await workspace.ThreadsListAsync(ann));
        var summary = Assert.Single(await workspace.Send.Send(new GetThreads(ann), Cancel));
        Assert.Equal(("general", false), (summary.ChannelName, summary.IsDirect));
    }
}
