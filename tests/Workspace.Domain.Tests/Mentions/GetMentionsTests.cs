using Microsoft.Extensions.Time.Testing;
using Workspace.Domain.Channels;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Mentions;
using Workspace.Domain.Messages;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Mentions;

public sealed class GetMentionsTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Line(MentionView mention) =>
        $"{(mention.IsDirect ? "dm with " + string.Join(", ", mention.Others.Select(o => o.DisplayName)) : "#" + mention.ChannelName)}: {mention.Message.Text}";

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetMentions_WhenMentionedInChannelsAndConversations_ListsThemNewestFirst(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var ben = await workspace.AddMemberAsync("Ben Day");
        var general = await workspace.GeneralIdAsync();
        var random = await workspace.Send.Send(new CreateChannel(ben, "random", IsPrivate: false), Cancel);
        await workspace.Send.Send(new JoinChannel(ann, random.Id), Cancel);
        await workspace.Send.Send(new JoinChannel(workspace.OwnerId, random.Id), Cancel);
        var group = await workspace.Send.Send(new OpenDirectConversation(workspace.OwnerId, ["ann.lee", "ben.day"]), Cancel);

        async Task PostAsync(Guid author, Guid channel, string text)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await workspace.PostAsync(author, channel, text);
        }
        await PostAsync(workspace.OwnerId, general, "@ann.lee one");
        await PostAsync(ben, random.Id, "@channel two");
        await PostAsync(workspace.OwnerId, general, "three, for nobody");
        await PostAsync(workspace.OwnerId, group.Id, "@ann.lee four");
        await PostAsync(ann, general, "@ann.lee five, to myself");
        await PostAsync(ben, general, "@Ann.Lee six");

        var mentions = await workspace.Send.Send(new GetMentions(ann), Cancel);

        Assert.Equal(["#general: @Ann.Lee six", "dm with Ben Day, Olivia Owner: @ann.lee four", "#random: @channel two", "#general: @ann.lee one"],
            mentions.Select(Line));
        Assert.Equal([Start.AddMinutes(6), Start.AddMinutes(4), Start.AddMinutes(2), Start.AddMinutes(1)], mentions.Select(m => m.Message.CreatedAt));
        Assert.All(mentions, m => Assert.Contains(ann, m.Message.MentionedUserIds));
        Assert.Equal(["#random: @channel two"], (await workspace.Send.Send(new GetMentions(workspace.OwnerId), Cancel)).Select(Line));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetMentions_AfterLeavingAChannel_LeavesItsMentionsOutUntilRejoining(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var general = await workspace.GeneralIdAsync();
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        await workspace.Send.Send(new JoinChannel(ann, random.Id), Cancel);
        await workspace.PostAsync(workspace.OwnerId, general, "@ann.lee in general");
        clock.Advance(TimeSpan.FromMinutes(1));
        await workspace.PostAsync(workspace.OwnerId, random.Id, "@ann.lee in random");

        await workspace.Send.Send(new LeaveChannel(ann, random.Id), Cancel);
        Assert.Equal(["#general: @ann.lee in general"], (await workspace.Send.Send(new GetMentions(ann), Cancel)).Select(Line));

        await workspace.Send.Send(new JoinChannel(ann, random.Id), Cancel);
        Assert.Equal(["#random: @ann.lee in random", "#general: @ann.lee in general"],
            (await workspace.Send.Send(new GetMentions(ann), Cancel)).Select(Line));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetMentions_AfterLeavingAPrivateChannel_ShowsNothingFromIt(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var secret = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "secret", IsPrivate: true), Cancel);
        await workspace.Send.Send(new AddChannelMember(workspace.OwnerId, secret.Id, "ann.lee"), Cancel);
        await workspace.PostAsync(workspace.OwnerId, secret.Id, "@ann.lee the plan");
        Assert.Equal(["#secret: @ann.lee the plan"], (await workspace.Send.Send(new GetMentions(ann), Cancel)).Select(Line));

        await workspace.Send.Send(new LeaveChannel(ann, secret.Id), Cancel);

        Assert.Empty(await workspace.Send.Send(new GetMentions(ann), Cancel));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetMentions_WithMoreThanAPage_PagesBackwardsFromBefore(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var general = await workspace.GeneralIdAsync();
        const int total = GetMentionsHandler.PageSize + 5;
        for (var i = 1; i <= total; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await workspace.PostAsync(workspace.OwnerId, general, $"@ann.lee {i}");
        }

        var first = await workspace.Send.Send(new GetMentions(ann), Cancel);
        var second = await workspace.Send.Send(new GetMentions(ann, first[^1].Message.CreatedAt), Cancel);
        var third = await workspace.Send.Send(new GetMentions(ann, second[^1].Message.CreatedAt), Cancel);

        Assert.Equal(Enumerable.Range(6, 50).Reverse().Select(i => $"@ann.lee {i}"), first.Select(m => m.Message.Text));
        Assert.Equal(["@ann.lee 5", "@ann.lee 4", "@ann.lee 3", "@ann.lee 2", "@ann.lee 1"], second.Select(m => m.Message.Text));
        Assert.Empty(third);
    }

    // Editing an old message (say, fixing a typo) must not move it in the list or make paging skip another one:
    // the page boundary is the last message's time, so mentions are ordered by when their message was posted.
    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetMentions_AfterAnOldMentionIsEdited_PagesThroughEveryMentionOnce(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var general = await workspace.GeneralIdAsync();
        const int total = GetMentionsHandler.PageSize + 1;
        var posted = new List<MessageView>();
        for (var i = 1; i <= total; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            posted.Add(await workspace.PostAsync(workspace.OwnerId, general, $"@ann.lee {i}"));
        }
        clock.Advance(TimeSpan.FromMinutes(5));
        await workspace.Send.Send(new EditMessage(workspace.OwnerId, posted[0].Id, "@ann.lee 1 (typo fixed)"), Cancel);

        var first = await workspace.Send.Send(new GetMentions(ann), Cancel);
        var second = await workspace.Send.Send(new GetMentions(ann, first[^1].Message.CreatedAt), Cancel);

        Assert.Equal(Enumerable.Range(2, 50).Reverse().Select(i => $"@ann.lee {i}"), first.Select(m => m.Message.Text));
        Assert.Equal(["@ann.lee 1 (typo fixed)"], second.Select(m => m.Message.Text));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetMentions_WhenNoOneMentionedTheActor_IsEmpty(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var general = await workspace.GeneralIdAsync();
        await workspace.PostAsync(workspace.OwnerId, general, "hello everyone, but not @channel-wide");
        await workspace.PostAsync(workspace.OwnerId, general, "`@ann.lee` in code");

        Assert.Empty(await workspace.Send.Send(new GetMentions(ann), Cancel));
    }
}
