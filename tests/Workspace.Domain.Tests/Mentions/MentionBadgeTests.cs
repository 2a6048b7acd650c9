using Workspace.Domain.Channels;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Messages;
using Workspace.Domain.Unread;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Mentions;

/// <summary>The sidebar's mention count: the viewer's mentions after their read pointer.</summary>
public sealed class MentionBadgeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetSidebar_WhenMentionedAfterTheReadPointer_CountsThoseMentions(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var ben = await workspace.AddMemberAsync("Ben Day");
        var general = await workspace.GeneralIdAsync();
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        await workspace.Send.Send(new JoinChannel(ann, random.Id), Cancel);

        await workspace.PostAsync(workspace.OwnerId, general, "@ann.lee first");
        await workspace.PostAsync(workspace.OwnerId, general, "nothing for anyone");
        await workspace.PostAsync(workspace.OwnerId, general, "@channel third");
        await workspace.PostAsync(workspace.OwnerId, random.Id, "@ann.lee over here");

        var sidebar = await workspace.Send.Send(new GetSidebar(ann), Cancel);
        Assert.Equal(["general: 3 unread, 2 mentions at 1, 3", "random: 1 unread, 1 mentions at 1"],
            sidebar.Select(c => $"{c.Name}: {c.Unread} unread, {c.Mentions} mentions at {string.Join(", ", c.MentionSeqs.Order())}"));
        Assert.Equal((3L, 1L), await workspace.BadgeAsync(ben, general));
        Assert.Equal((0L, 0L), await workspace.BadgeAsync(workspace.OwnerId, general));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task MarkChannelRead_WhenPointerPassesMentions_ClearsThemAndMarkUnreadBringsThemBack(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var general = await workspace.GeneralIdAsync();
        await workspace.PostAsync(workspace.OwnerId, general, "@ann.lee one");
        await workspace.PostAsync(workspace.OwnerId, general, "two");
        await workspace.PostAsync(workspace.OwnerId, general, "@ann.lee three");

        await workspace.Send.Send(new MarkChannelRead(ann, general, 1), Cancel);
        Assert.Equal((2L, 1L), await workspace.BadgeAsync(ann, general));

        await workspace.Send.Send(new MarkChannelRead(ann, general, 3), Cancel);
        Assert.Equal((0L, 0L), await workspace.BadgeAsync(ann, general));

        await workspace.Send.Send(new MarkChannelUnread(ann, general, 3), Cancel);
        Assert.Equal((1L, 1L), await workspace.BadgeAsync(ann, general));

        await workspace.Send.Send(new MarkChannelUnread(ann, general, 1), Cancel);
        Assert.Equal((3L, 2L), await workspace.BadgeAsync(ann, general));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetSidebar_WhenMentionedInADirectConversation_CountsTheMention(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var conversation = await workspace.Send.Send(new OpenDirectConversation(workspace.OwnerId, ["ann.lee"]), Cancel);

        await workspace.PostAsync(workspace.OwnerId, conversation.Id, "hey");
        await workspace.PostAsync(workspace.OwnerId, conversation.Id, "@ann.lee are you there?");

        var entry = (await workspace.Send.Send(new GetSidebar(ann), Cancel)).Single(c => c.Id == conversation.Id);
        Assert.Equal((true, 2L, 1L), (entry.IsDirect, entry.Unread, entry.Mentions));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetSidebar_AfterMentionedMessageIsDeleted_CountsNeitherUnreadNorMention(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var general = await workspace.GeneralIdAsync();
        await workspace.PostAsync(workspace.OwnerId, general, "plain");
        var mention = await workspace.PostAsync(workspace.OwnerId, general, "@ann.lee oops");

        await workspace.Send.Send(new DeleteMessage(workspace.OwnerId, mention.Id), Cancel);

        Assert.Equal((1L, 0L), await workspace.BadgeAsync(ann, general));
    }
}
