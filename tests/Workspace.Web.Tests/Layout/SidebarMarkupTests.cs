using Workspace.Web.Components.Layout;

namespace Workspace.Web.Tests.Layout;

public sealed class SidebarMarkupTests : BunitContext
{
    [Fact]
    public void Channel_ShowsItsIconNameAndBadge_MentionsBeforeUnread()
    {
        var link = Render(builder => builder.AddMarkupContent(0, SidebarMarkup.Channel(isPrivate: true, "design", unread: 3, mentions: 2).Value));

        Assert.Equal("true", link.Find(".prefix svg.channel-icon").GetAttribute("aria-hidden"));
        Assert.Equal("design", link.Find(".name").TextContent);
        Assert.Equal("@2 mentions", link.Find(".badge.mention").TextContent);
        Assert.Single(link.FindAll(".badge"));
    }

    [Fact]
    public void Conversation_WithAHostileName_ShowsItAsText()
    {
        const string hostile = "<img src=x onerror=alert(1)>";

        var markup = SidebarMarkup.Conversation("<", hostile, unread: 1, mentions: 0).Value;
        var link = Render(builder => builder.AddMarkupContent(0, markup));

        Assert.DoesNotContain("<img", markup);
        Assert.Equal(hostile, link.Find(".name").TextContent);
        Assert.Equal("<", link.Find(".prefix.person").TextContent);
        Assert.Equal("1 unread", link.Find(".badge").TextContent);
    }

    [Fact]
    public void Channel_ThatLooksAlike_IsOneString_AndAnotherCountAnother()
    {
        var read = SidebarMarkup.Channel(isPrivate: false, "general", unread: 0, mentions: 0).Value;

        Assert.Same(read, SidebarMarkup.Channel(isPrivate: false, "general", unread: 0, mentions: 0).Value);
        Assert.DoesNotContain("badge", read);
        Assert.Contains("""<span class="badge">1<""", SidebarMarkup.Channel(isPrivate: false, "general", unread: 1, mentions: 0).Value);
        Assert.NotEqual(read, SidebarMarkup.Channel(isPrivate: true, "general", unread: 0, mentions: 0).Value);
    }
}
