using Workspace.Domain.Channels;
using Workspace.Domain.Realtime;
using Workspace.Web.Components.Layout;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Layout;

public sealed class SidebarModelTests
{
    private static readonly Guid Random = Guid.NewGuid();

    private static SidebarModel Loaded()
    {
        var model = new SidebarModel();
        model.Load([new SidebarChannel(Views.ChannelId, "general", false, LastSeq: 5, LastReadSeq: 5, DeletedUnread: []),
                    new SidebarChannel(Random, "random", false, LastSeq: 2, LastReadSeq: 1, DeletedUnread: [])]);
        return model;
    }

    [Fact]
    public void Apply_WhenOthersPost_RaisesUnread()
    {
        var model = Loaded();

        model.Apply(new MessagePosted(Views.Message(6, author: Views.Ben)), Views.Ann, readingChannelId: Random);

        Assert.Equal(1, model.Entries.Single(e => e.Name == "general").Unread);
    }

    [Fact]
    public void Apply_WhenViewerPosts_KeepsUnreadAtZero()
    {
        var model = Loaded();

        model.Apply(new MessagePosted(Views.Message(6, author: Views.Ann)), Views.Ann, readingChannelId: null);

        Assert.Equal(0, model.Entries.Single(e => e.Name == "general").Unread);
    }

    [Fact]
    public void Apply_WhenPostArrivesInTheOpenChannel_DoesNotCountIt()
    {
        var model = Loaded();

        model.Apply(new MessagePosted(Views.Message(6, author: Views.Ben)), Views.Ann, readingChannelId: Views.ChannelId);

        Assert.Equal(0, model.Entries.Single(e => e.Name == "general").Unread);
    }

    [Fact]
    public void Apply_WhenReadElsewhere_ClearsUnreadButNeverMovesBack()
    {
        var model = Loaded();

        model.Apply(new ChannelRead(Views.Ann, Random, LastReadSeq: 2), Views.Ann, null);
        model.Apply(new ChannelRead(Views.Ann, Random, LastReadSeq: 1), Views.Ann, null);

        Assert.Equal(0, model.Entries.Single(e => e.Name == "random").Unread);
    }

    [Fact]
    public void Apply_SaysWhetherAnythingShownChanged()
    {
        var model = Loaded();

        // Read as it arrives in the open channel, or written by the viewer: the counts stay as they were.
        Assert.Equal(SidebarChange.None, model.Apply(new MessagePosted(Views.Message(6, author: Views.Ben)), Views.Ann, Views.ChannelId));
        Assert.Equal(SidebarChange.None, model.Apply(new MessagePosted(Views.Message(7, author: Views.Ann)), Views.Ann, null));
        Assert.Equal(SidebarChange.None, model.Apply(new ChannelRead(Views.Ann, Views.ChannelId, LastReadSeq: 7), Views.Ann, null));
        Assert.Equal(SidebarChange.None, model.Apply(new MessagePosted(Views.Message(8) with { ChannelId = Guid.NewGuid() }), Views.Ann, null));

        Assert.Equal(SidebarChange.Shown, model.Apply(new MessagePosted(Views.Message(8, author: Views.Ben)), Views.Ann, null));
        Assert.Equal(SidebarChange.Shown, model.Apply(new ChannelRead(Views.Ann, Views.ChannelId, LastReadSeq: 8), Views.Ann, null));
        Assert.Equal(SidebarChange.Shown, model.Apply(new ChannelUpdated(Random, "announcements", "", IsPrivate: false, IsArchived: false), Views.Ann, null));
    }

    [Fact]
    public void Apply_WhenMembershipChanges_AsksForReload()
    {
        var model = Loaded();

        Assert.Equal(SidebarChange.Reload, model.Apply(new MembershipChanged(Views.Ann, Guid.NewGuid(), IsMember: true), Views.Ann, null));
        Assert.Equal(SidebarChange.Reload, model.Apply(EventsLost.Instance, Views.Ann, null));
    }

    [Fact]
    public void Apply_WhenChannelRenamed_KeepsNamesSorted()
    {
        var model = Loaded();

        model.Apply(new ChannelUpdated(Random, "announcements", "", IsPrivate: false, IsArchived: false), Views.Ann, null);

        Assert.Equal(["announcements", "general"], model.Entries.Select(e => e.Name));
    }

    [Fact]
    public void Apply_WhenChannelIsArchivedMadePrivateOrUnarchived_AsksForReload()
    {
        var model = Loaded();

        Assert.Equal(SidebarChange.Reload, model.Apply(new ChannelUpdated(Random, "random", "", IsPrivate: false, IsArchived: true), Views.Ann, null));
        Assert.Equal(SidebarChange.Reload, model.Apply(new ChannelUpdated(Random, "random", "", IsPrivate: true, IsArchived: false), Views.Ann, null));
        Assert.Equal(SidebarChange.Reload, model.Apply(new ChannelUnarchived(Views.Ann, Guid.NewGuid()), Views.Ann, null));
        // The sidebar shows no topic.
        Assert.Equal(SidebarChange.None, model.Apply(new ChannelUpdated(Random, "random", "a topic", IsPrivate: false, IsArchived: false), Views.Ann, null));
    }

    [Fact]
    public void Apply_WhenMarkedUnread_AsksForReload()
    {
        var model = Loaded();

        Assert.Equal(SidebarChange.Reload, model.Apply(new ChannelMarkedUnread(Views.Ann, Views.ChannelId, LastReadSeq: 2), Views.Ann, null));
    }

    [Fact]
    public void Apply_WhenAnUnreadMessageIsDeleted_NoLongerCountsIt()
    {
        var model = Loaded();
        model.Apply(new MessagePosted(Views.Message(6, author: Views.Ben)), Views.Ann, null);
        model.Apply(new MessagePosted(Views.Message(7, author: Views.Ben)), Views.Ann, null);

        model.Apply(new MessageChanged(Views.Message(6, author: Views.Ben, changeSeq: 8) with { Deleted = true }), Views.Ann, null);
        model.Apply(new MessageChanged(Views.Message(5, author: Views.Ben, changeSeq: 9) with { Deleted = true }), Views.Ann, null);

        Assert.Equal(1, model.Entries.Single(e => e.Name == "general").Unread);
        Assert.Equal(2, model.TotalUnread);
    }

    [Fact]
    public void Apply_WhenAThreadOnlyReplyArrivesOrGoes_LeavesUnreadAndThePointerAlone()
    {
        var model = Loaded();
        model.Apply(new MessagePosted(Views.Message(6, author: Views.Ben)), Views.Ann, null);
        var reply = Views.Message(6, author: Views.Ann, changeSeq: 7) with { ThreadOnly = true, ReplySeq = 1 };

        model.Apply(new MessagePosted(reply), Views.Ann, null);
        model.Apply(new MessageChanged(reply with { Deleted = true, ChangeSeq = 9 }), Views.Ann, null);

        Assert.Equal(1, model.Entries.Single(e => e.Name == "general").Unread);
    }
}
