using Workspace.Domain.Channels;
using Workspace.Domain.Messages;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Tests.Channels;

/// <summary>The cache's own rules, one event at a time; GetSidebarTests checks it against the database.</summary>
public sealed class SidebarCacheTests
{
    private static readonly Guid Ann = Guid.NewGuid();
    private static readonly Guid Ben = Guid.NewGuid();
    private static readonly Guid General = Guid.NewGuid();
    private static readonly Guid Plans = Guid.NewGuid();
    private static readonly Guid Elsewhere = Guid.NewGuid();

    [Fact]
    public void TryGet_AfterPostsInItsChannels_AnswersWithTheirNewestSeqs()
    {
        var cache = Holding(Ann, Channel(General, lastSeq: 3, lastReadSeq: 3));

        cache.Observe(new MessagePosted(Message(General, seq: 5)));
        cache.Observe(new MessagePosted(Message(General, seq: 4)));
        cache.Observe(new MessagePosted(Message(General, seq: 5) with { ThreadOnly = true, ReplySeq = 9 }));

        var general = Assert.Single(Held(cache, Ann));
        Assert.Equal((5, 2), (general.LastSeq, general.Unread));
    }

    [Fact]
    public void TryGet_AfterEventsThatShowNowhereInTheSidebar_StillAnswers()
    {
        var cache = Holding(Ann, Channel(General, lastSeq: 3, lastReadSeq: 1));

        cache.Observe(new MessagePosted(Message(General, seq: 4, mentioning: Ben)));
        cache.Observe(new MessageChanged(Message(General, seq: 2) with { Reactions = [new ReactionView("👍", [Ben], ["Ben"])] }));
        cache.Observe(new ChannelRead(Ben, General, 4));
        cache.Observe(new ChannelUpdated(Elsewhere, "elsewhere", "", IsPrivate: false, IsArchived: true));
        cache.Observe(new ThreadRead(Ann, Guid.NewGuid(), 2, IsFollowing: true));

        Assert.Equal(4, Assert.Single(Held(cache, Ann)).LastSeq);
    }

    public static TheoryData<string> Touching => [.. Touches.Keys];

    [Theory, MemberData(nameof(Touching))]
    public void TryGet_AfterAChangeToWhatItHolds_AsksTheDatabaseAgain(string change)
    {
        var cache = Holding(Ann, Channel(General, lastSeq: 3, lastReadSeq: 1), Channel(Plans, lastSeq: 2, lastReadSeq: 2));

        Touches[change](cache);

        Assert.False(cache.TryGet(Ann, out _));
    }

    [Fact]
    public void Keep_WhenItsChannelChangedWhileTheDatabaseWasRead_IsNotAnsweredFrom()
    {
        var cache = new SidebarCache(enabled: true);
        var readBegan = cache.ReadBegins();
        cache.Observe(new ChannelUpdated(General, "renamed", "", IsPrivate: false, IsArchived: false));
        cache.Keep(Ann, readBegan, [Channel(General, lastSeq: 3, lastReadSeq: 3)]);

        Assert.False(cache.TryGet(Ann, out _));

        cache.Keep(Ann, cache.ReadBegins(), [Channel(General, lastSeq: 3, lastReadSeq: 3) with { Name = "renamed" }]);
        Assert.Equal("renamed", Assert.Single(Held(cache, Ann)).Name);
    }

    [Fact]
    public void Keep_WhenDisabled_HoldsNothing()
    {
        var cache = new SidebarCache(enabled: false);

        cache.Keep(Ann, cache.ReadBegins(), [Channel(General, lastSeq: 3, lastReadSeq: 3)]);

        Assert.False(cache.TryGet(Ann, out _));
    }

    [Fact]
    public void Keep_BeyondTheChannelsItMayHold_LetsGoOfTheOthers()
    {
        var cache = Holding(Ann, Channel(General, lastSeq: 1, lastReadSeq: 1));
        var many = Enumerable.Range(0, SidebarCache.MaxHeldChannels).Select(_ => Channel(Guid.NewGuid(), 1, 1)).ToList();

        cache.Keep(Ben, cache.ReadBegins(), many);

        Assert.False(cache.TryGet(Ann, out _));
        Assert.Equal(SidebarCache.MaxHeldChannels, Held(cache, Ben).Count);
    }

    [Fact]
    public async Task ACommandThatFailsAfterNotingEvents_LeavesNoSidebarTrusted()
    {
        var cache = Holding(Ann, Channel(General, lastSeq: 3, lastReadSeq: 3));
        var pending = new PendingEvents();
        var published = new Published();
        var behavior = new PublishEventsBehavior<RenameChannel, ChannelRef>(pending, published, cache);
        var rename = new RenameChannel(Ann, General, "renamed");

        await Assert.ThrowsAsync<TimeoutException>(async () => await behavior.Handle(rename,
            (_, _) => throw new TimeoutException("Refused before noting anything."), CancellationToken.None));
        Assert.True(cache.TryGet(Ann, out _));

        await Assert.ThrowsAsync<TimeoutException>(async () => await behavior.Handle(rename, (_, _) =>
        {
            pending.Add(new ChannelUpdated(General, "renamed", "", IsPrivate: false, IsArchived: false));
            throw new TimeoutException("Failed after the commit.");
        }, CancellationToken.None));
        Assert.Empty(published.Events);
        Assert.False(cache.TryGet(Ann, out _));
    }

    private sealed class Published : IChatEvents
    {
        public List<ChatEvent> Events { get; } = [];
        public void Publish(ChatEvent chatEvent) => Events.Add(chatEvent);
        public IChatSubscription Subscribe(Func<ChatEvent, Task> onEvent) => throw new NotSupportedException();
    }

    private static readonly Dictionary<string, Action<SidebarCache>> Touches = new()
    {
        ["a mention of the person"] = c => c.Observe(new MessagePosted(Message(Plans, seq: 3, mentioning: Ann))),
        ["a mention in a thread"] = c => c.Observe(new MessagePosted(Message(Elsewhere, seq: 1, mentioning: Ann) with { ThreadOnly = true })),
        ["an edit in one of its channels"] = c => c.Observe(new MessageChanged(Message(Plans, seq: 1) with { EditedAt = DateTimeOffset.UnixEpoch })),
        ["a delete in one of its channels"] = c => c.Observe(new MessageChanged(Message(General, seq: 2) with { Deleted = true })),
        ["a renamed channel"] = c => c.Observe(new ChannelUpdated(Plans, "renamed", "", IsPrivate: false, IsArchived: false)),
        ["a deleted channel"] = c => c.Observe(new ChannelDeleted(General)),
        ["the person's read pointer"] = c => c.Observe(new ChannelRead(Ann, General, 3)),
        ["mark unread"] = c => c.Observe(new ChannelMarkedUnread(Ann, General, 0)),
        ["a membership"] = c => c.Observe(new MembershipChanged(Ann, Elsewhere, IsMember: true)),
        ["an unarchived channel"] = c => c.Observe(new ChannelUnarchived(Ann, Elsewhere)),
        ["the person's account"] = c => c.Observe(new AccountChanged(Ann)),
        ["forget all"] = c => c.ForgetAll(),
        ["lost events"] = c => c.Observe(EventsLost.Instance),
    };

    private static SidebarCache Holding(Guid person, params SidebarChannel[] channels)
    {
        var cache = new SidebarCache(enabled: true);
        cache.Keep(person, cache.ReadBegins(), channels);
        return cache;
    }

    private static IReadOnlyList<SidebarChannel> Held(SidebarCache cache, Guid person) =>
        cache.TryGet(person, out var channels) ? channels : throw new InvalidOperationException("Nothing is held.");

    private static SidebarChannel Channel(Guid id, long lastSeq, long lastReadSeq) => new(id, "general", false, lastSeq, lastReadSeq, []);

    private static MessageView Message(Guid channelId, long seq, params Guid[] mentioning) =>
        new(Guid.NewGuid(), channelId, seq, seq, Ben, "Ben", "ben", "hello", "<p>hello</p>", Guid.NewGuid(), DateTimeOffset.UnixEpoch,
            MentionedUserIds: mentioning);
}
