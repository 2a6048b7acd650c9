using Workspace.Domain.Channels;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Messages;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Mentions;

public sealed class PostMessageMentionsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Span(string handle) => $"<span class=\"mention\" data-handle=\"{handle}\">@{handle}</span>";

    private static Task<PostedMessage> PostAsync(TestWorkspace workspace, Guid authorId, Guid channelId, string text) =>
        workspace.Send.Send(new PostMessage(authorId, channelId, text, Guid.NewGuid()), Cancel).AsTask();

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenTextNamesAMember_MentionsThemAndRendersTheMention(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        await workspace.AddMemberAsync("Ben Day");
        var general = await workspace.GeneralIdAsync();
        using var channelEvents = new EventRecorder(workspace.Events, ChatEvent.ChannelStream(general));

        var posted = await PostAsync(workspace, workspace.OwnerId, general, "hi @ann.lee, see (@Ann.Lee).");

        Assert.Equal($"<p>hi {Span("ann.lee")}, see ({Span("ann.lee")}).</p>", posted.Message.Html);
        Assert.Equal([ann], posted.Message.MentionedUserIds);
        Assert.Empty(posted.NotInChannel);
        Assert.Equal(["ann.lee: Person"], await workspace.MentionRowsAsync(posted.Message.Id));
        Assert.Equal([ann], (await channelEvents.WaitForAsync<MessagePosted>()).Message.MentionedUserIds);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenAuthorNamesThemself_NeverMentionsTheAuthor(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var general = await workspace.GeneralIdAsync();

        var posted = await PostAsync(workspace, ann, general, "note to self @ann.lee and @olivia.owner");

        Assert.Equal(["olivia.owner: Person"], await workspace.MentionRowsAsync(posted.Message.Id));
        Assert.Equal([workspace.OwnerId], posted.Message.MentionedUserIds);
        Assert.Equal((0L, 0L), await workspace.BadgeAsync(ann, general));
        Assert.Equal((1L, 1L), await workspace.BadgeAsync(workspace.OwnerId, general));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenHandleIsInCodeLinkOrEmailAddress_MentionsNoOne(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        await workspace.AddMemberAsync("Ann Lee");
        var general = await workspace.GeneralIdAsync();
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        string[] texts =
        [
            "`@ann.lee`",
            "```\n@ann.lee\n```",
            "[@ann.lee](https://example.com)",
            "https://example.com/@ann.lee",
            "write to ann.lee@example.com",
            "<ann.lee@example.com>",
        ];

        foreach (var channel in new[] { general, random.Id })
            foreach (var text in texts)
            {
                var posted = await PostAsync(workspace, workspace.OwnerId, channel, text);
                Assert.Empty(posted.Message.MentionedUserIds);
                Assert.Empty(posted.NotInChannel);
                Assert.DoesNotContain("class=\"mention\"", posted.Message.Html, StringComparison.Ordinal);
            }

        Assert.Equal(0, await workspace.MentionRowCountAsync());
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenNamedPeopleAreNotMembers_ReportsThemAndMentionsNoOne(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        await workspace.AddMemberAsync("Cy Third");
        await workspace.AddMemberAsync("Ann Lee");
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);

        var posted = await PostAsync(workspace, workspace.OwnerId, random.Id, "@cy.third and @Ann.Lee, meet @nobody and @olivia.owner");

        Assert.Equal(["ann.lee", "cy.third"], posted.NotInChannel);
        Assert.Empty(posted.Message.MentionedUserIds);
        Assert.Equal(0, await workspace.MentionRowCountAsync());
        // Only members render as mentions; the author is a member, so their own handle does.
        Assert.Equal($"<p>@cy.third and @Ann.Lee, meet @nobody and {Span("olivia.owner")}</p>", posted.Message.Html);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_InADirectConversation_MentionsItsPeopleAndReportsNoOutsiders(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        await workspace.AddMemberAsync("Cy Third");
        var conversation = await workspace.Send.Send(new OpenDirectConversation(workspace.OwnerId, ["ann.lee"]), Cancel);

        var posted = await PostAsync(workspace, workspace.OwnerId, conversation.Id, "@ann.lee should we ask @cy.third?");

        Assert.Empty(posted.NotInChannel);
        Assert.Equal([ann], posted.Message.MentionedUserIds);
        Assert.Equal(["ann.lee: Person"], await workspace.MentionRowsAsync(posted.Message.Id));
        Assert.Equal($"<p>{Span("ann.lee")} should we ask @cy.third?</p>", posted.Message.Html);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenTextSaysAtChannel_MentionsEveryMemberButTheAuthor(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var ben = await workspace.AddMemberAsync("Ben Day");
        await workspace.AddMemberAsync("Cy Third");
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        await workspace.Send.Send(new JoinChannel(ann, random.Id), Cancel);
        await workspace.Send.Send(new JoinChannel(ben, random.Id), Cancel);

        var everyone = await PostAsync(workspace, workspace.OwnerId, random.Id, "@channel lunch is here");
        var alsoNamed = await PostAsync(workspace, ann, random.Id, "@channel and especially @ben.day");

        Assert.Equal(["ann.lee: Channel", "ben.day: Channel"], await workspace.MentionRowsAsync(everyone.Message.Id));
        Assert.Equal($"<p>{Span("channel")} lunch is here</p>", everyone.Message.Html);
        Assert.Empty(everyone.NotInChannel);
        Assert.Equal(["ben.day: Person", "olivia.owner: Channel"], await workspace.MentionRowsAsync(alsoNamed.Message.Id));
        Assert.Equal((2L, 2L), await workspace.BadgeAsync(ben, random.Id));
        // Posting reads the channel up to one's own message, so Ann has nothing left; Olivia has Ann's.
        Assert.Equal((0L, 0L), await workspace.BadgeAsync(ann, random.Id));
        Assert.Equal((1L, 1L), await workspace.BadgeAsync(workspace.OwnerId, random.Id));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenTextSaysAtHere_MentionsOnlyMembersOnlineNow(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var ben = await workspace.AddMemberAsync("Ben Day");
        var cy = await workspace.AddMemberAsync("Cy Third");
        var general = await workspace.GeneralIdAsync();
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        await workspace.Send.Send(new JoinChannel(ann, random.Id), Cancel);
        await workspace.Send.Send(new JoinChannel(ben, random.Id), Cancel);
        var presence = await workspace.PresenceAsync();
        presence.Connected(workspace.OwnerId);
        presence.Connected(ann);
        presence.Connected(cy);

        var first = await PostAsync(workspace, workspace.OwnerId, random.Id, "@here standup");
        presence.Disconnected(ann);
        presence.Connected(ben);
        var second = await PostAsync(workspace, workspace.OwnerId, random.Id, "@here standup again");
        var inGeneral = await PostAsync(workspace, ben, general, "@here anyone?");

        Assert.Equal(["ann.lee: Here"], await workspace.MentionRowsAsync(first.Message.Id));
        Assert.Equal($"<p>{Span("here")} standup</p>", first.Message.Html);
        Assert.Equal(["ben.day: Here"], await workspace.MentionRowsAsync(second.Message.Id));
        Assert.Equal(["cy.third: Here", "olivia.owner: Here"], await workspace.MentionRowsAsync(inGeneral.Message.Id));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenHereNamesSomeoneOffline_StillMentionsThemByName(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        await workspace.AddMemberAsync("Ben Day");
        var general = await workspace.GeneralIdAsync();
        (await workspace.PresenceAsync()).Connected(ann);

        var posted = await PostAsync(workspace, workspace.OwnerId, general, "@here and @ben.day");

        Assert.Equal(["ann.lee: Here", "ben.day: Person"], await workspace.MentionRowsAsync(posted.Message.Id));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenSomeoneIsNamedTwice_WritesOneMention(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var general = await workspace.GeneralIdAsync();

        var posted = await PostAsync(workspace, workspace.OwnerId, general, "@ann.lee @ANN.LEE @ann.lee.");

        Assert.Equal(["ann.lee: Person"], await workspace.MentionRowsAsync(posted.Message.Id));
        Assert.Equal((1L, 1L), await workspace.BadgeAsync(ann, general));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenHandleHasAnUnderscore_MentionsThatPerson(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var snake = await workspace.AddMemberAsync("under_score 42");
        var general = await workspace.GeneralIdAsync();

        var posted = await PostAsync(workspace, workspace.OwnerId, general, "ping @under_score.42");

        Assert.Equal([snake], posted.Message.MentionedUserIds);
        Assert.Equal($"<p>ping {Span("under_score.42")}</p>", posted.Message.Html);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenClientIdIsRepeated_WritesTheMentionsOnce(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var general = await workspace.GeneralIdAsync();
        var clientId = Guid.NewGuid();

        var first = await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, "@ann.lee once", clientId), Cancel);
        var again = await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, "@ann.lee once", clientId), Cancel);

        Assert.Equal(first.Message.Id, again.Message.Id);
        Assert.Equal([ann], again.Message.MentionedUserIds);
        Assert.Equal(1, await workspace.MentionRowCountAsync());
    }
}
