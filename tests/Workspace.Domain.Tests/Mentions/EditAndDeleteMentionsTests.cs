using Workspace.Domain.Channels;
using Workspace.Domain.Mentions;
using Workspace.Domain.Messages;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Mentions;

public sealed class EditAndDeleteMentionsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Span(string handle) => $"<span class=\"mention\" data-handle=\"{handle}\">@{handle}</span>";

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task EditMessage_WhenEditAddsAMention_MentionsThePerson(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var general = await workspace.GeneralIdAsync();
        var original = await workspace.PostAsync(workspace.OwnerId, general, "who can review?");
        using var channelEvents = new EventRecorder(workspace.Events, ChatEvent.ChannelStream(general));

        var edited = await workspace.Send.Send(new EditMessage(workspace.OwnerId, original.Id, "who can review? @ann.lee"), Cancel);

        Assert.Equal($"<p>who can review? {Span("ann.lee")}</p>", edited.Html);
        Assert.Equal([ann], edited.MentionedUserIds);
        Assert.Equal(["ann.lee: Person"], await workspace.MentionRowsAsync(original.Id));
        Assert.Equal([ann], (await channelEvents.WaitForAsync<MessageChanged>()).Message.MentionedUserIds);
        Assert.Equal((1L, 1L), await workspace.BadgeAsync(ann, general));
        Assert.Equal([original.Id], (await workspace.Send.Send(new GetMentions(ann), Cancel)).Select(m => m.Message.Id));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task EditMessage_WhenEditDropsAMention_RemovesItAndKeepsTheRest(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var ben = await workspace.AddMemberAsync("Ben Day");
        var general = await workspace.GeneralIdAsync();
        var original = await workspace.PostAsync(workspace.OwnerId, general, "@ann.lee and @ben.day, review please");

        var edited = await workspace.Send.Send(new EditMessage(workspace.OwnerId, original.Id, "@ben.day, review please"), Cancel);

        Assert.Equal([ben], edited.MentionedUserIds);
        Assert.Equal(["ben.day: Person"], await workspace.MentionRowsAsync(original.Id));
        Assert.Equal((1L, 0L), await workspace.BadgeAsync(ann, general));
        Assert.Equal((1L, 1L), await workspace.BadgeAsync(ben, general));
        Assert.Empty(await workspace.Send.Send(new GetMentions(ann), Cancel));
        Assert.Equal([original.Id], (await workspace.Send.Send(new GetMentions(ben), Cancel)).Select(m => m.Message.Id));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task EditMessage_WhenPersonBecomesAChannelMention_ChangesHowTheyWereMentioned(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        await workspace.AddMemberAsync("Ann Lee");
        await workspace.AddMemberAsync("Ben Day");
        var general = await workspace.GeneralIdAsync();
        var original = await workspace.PostAsync(workspace.OwnerId, general, "@ann.lee deploy is done");

        await workspace.Send.Send(new EditMessage(workspace.OwnerId, original.Id, "@channel deploy is done"), Cancel);
        Assert.Equal(["ann.lee: Channel", "ben.day: Channel"], await workspace.MentionRowsAsync(original.Id));

        await workspace.Send.Send(new EditMessage(workspace.OwnerId, original.Id, "deploy is done, `@channel`"), Cancel);
        Assert.Empty(await workspace.MentionRowsAsync(original.Id));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task DeleteMessage_WhenMessageMentionedPeople_RemovesEveryMention(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var ben = await workspace.AddMemberAsync("Ben Day");
        var general = await workspace.GeneralIdAsync();
        var byOwner = await workspace.PostAsync(workspace.OwnerId, general, "@channel all hands at noon");
        var byAnn = await workspace.PostAsync(ann, general, "@ben.day can you bring snacks?");
        Assert.Equal((2L, 2L), await workspace.BadgeAsync(ben, general));

        await workspace.Send.Send(new DeleteMessage(workspace.OwnerId, byOwner.Id), Cancel);
        // The owner is an admin and may delete Ann's message too; its mentions go with it.
        await workspace.Send.Send(new DeleteMessage(workspace.OwnerId, byAnn.Id), Cancel);

        Assert.Equal(0, await workspace.MentionRowCountAsync());
        Assert.Equal((0L, 0L), await workspace.BadgeAsync(ben, general));
        Assert.Equal((0L, 0L), await workspace.BadgeAsync(ann, general));
        Assert.Empty(await workspace.Send.Send(new GetMentions(ben), Cancel));
        Assert.Empty(await workspace.Send.Send(new GetMentions(ann), Cancel));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task DeleteMessage_WhenMessageMentionedSomeone_PublishesTheViewWithNoMentions(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var general = await workspace.GeneralIdAsync();
        var posted = await workspace.PostAsync(workspace.OwnerId, general, "@ann.lee secret");
        using var channelEvents = new EventRecorder(workspace.Events, ChatEvent.ChannelStream(general));

        await workspace.Send.Send(new DeleteMessage(workspace.OwnerId, posted.Id), Cancel);

        var deleted = (await channelEvents.WaitForAsync<MessageChanged>()).Message;
        Assert.True(deleted.Deleted);
        Assert.Empty(deleted.MentionedUserIds);
        Assert.Equal((0L, 0L), await workspace.BadgeAsync(ann, general));
    }
}
