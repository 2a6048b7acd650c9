using Microsoft.AspNetCore.Components;
using Workspace.Domain.Messages;
using Workspace.Web.Components.Messages;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Messages;

public sealed class MessageListTests : BunitContext
{
    public MessageListTests() => JSInterop.Mode = JSRuntimeMode.Loose;

    private IRenderedComponent<MessageList> RenderList(IReadOnlyList<MessageView> messages, long? firstUnread = null,
        IReadOnlyList<PendingMessage>? pending = null, long? highlight = null, TimeZoneInfo? zone = null) =>
        Render<MessageList>(p => p
            .AddCascadingValue(Views.Viewer(zone: zone))
            .Add(l => l.BasePath, "/c/general")
            .Add(l => l.Timeline, TimelineOf(messages, pending ?? []))
            .Add(l => l.FirstUnreadSeq, firstUnread)
            .Add(l => l.HighlightSeq, highlight));

    private static Timeline TimelineOf(IReadOnlyList<MessageView> messages, IReadOnlyList<PendingMessage> pending)
    {
        var timeline = new Timeline();
        timeline.Reset(new MessagePage(messages, HasOlder: false, HasNewer: false, ChangeSeq: messages.Count == 0 ? 0 : messages.Max(m => m.ChangeSeq)));
        foreach (var sending in pending)
            timeline.AddPending(sending);
        return timeline;
    }

    [Fact]
    public void Render_EachMessageIsAnArticleWithItsSeqIdAuthorAndBody()
    {
        var message = Views.Message(7, html: "<p><strong>bold</strong></p>");

        var list = RenderList([message]);

        var article = list.Find("[role=log][aria-label=Messages] article");
        Assert.Equal("7", article.GetAttribute("data-seq"));
        Assert.Equal(message.Id.ToString(), article.GetAttribute("data-message-id"));
        Assert.Contains("Ann Owner", article.TextContent);
        Assert.Equal("bold", article.QuerySelector(".message-body strong")?.TextContent);
    }

    [Fact]
    public void Render_ConsecutiveMessagesOfOneAuthor_AreGroupedButKeepTheirAuthorName()
    {
        var list = RenderList([Views.Message(1), Views.Message(2), Views.Message(3, author: Views.Ben)]);

        var articles = list.FindAll("article");
        Assert.Equal([false, true, false], articles.Select(a => a.ClassList.Contains("grouped")));
        Assert.Contains("Ann Owner", articles[1].TextContent);
        Assert.Contains("Ben Member", articles[2].TextContent);
    }

    [Fact]
    public void Render_WithUnread_PutsTheNewMessagesLineBeforeTheFirstUnread()
    {
        var list = RenderList([Views.Message(1), Views.Message(2), Views.Message(3)], firstUnread: 2);

        var separator = list.Find("[role=separator][aria-label='New messages']");
        Assert.Equal("2", separator.NextElementSibling?.GetAttribute("data-seq"));
        Assert.Single(list.FindAll("[role=separator]"));
    }

    [Fact]
    public async Task Refresh_AfterLiveMessages_RendersOnlyTheChunksTheyChanged()
    {
        var timeline = TimelineOf([.. Enumerable.Range(1, 25).Select(seq => Views.Message(seq))], []);
        var list = Render<MessageList>(p => p
            .AddCascadingValue(Views.Viewer())
            .Add(l => l.BasePath, "/c/general")
            .Add(l => l.Timeline, timeline));
        int[] RenderCounts() => [.. list.FindComponents<MessageChunk>().Select(c => c.RenderCount)];
        int[] Versions() => [.. list.FindComponents<MessageChunk>().Select(c => c.Instance.Version)];
        var before = RenderCounts();
        var versionsHanded = Versions();

        timeline.Apply(Views.Message(26));
        await list.InvokeAsync(list.Instance.Refresh);
        var afterPost = RenderCounts();
        timeline.Apply(Views.Message(12, changeSeq: 27) with { Text = "edited", Html = "<p>edited</p>" });
        await list.InvokeAsync(list.Instance.Refresh);

        Assert.Equal(3, before.Length); // seqs 1–9, 10–19, 20–26
        Assert.Equal([before[0], before[1], before[2] + 1], afterPost);
        Assert.Equal([before[0], before[1] + 1, before[2] + 1], RenderCounts());
        // Each changed one chunk and nothing around it: the chunk rendered alone, and the list, which did not render,
        // handed no chunk a new version.
        Assert.Equal(versionsHanded, Versions());
        Assert.Equal("26", list.FindAll("article").Last().GetAttribute("data-seq"));
        Assert.Equal("edited", list.Find("article[data-seq='12'] .message-body").TextContent);
    }

    [Fact]
    public async Task Refresh_WhenAMessageStartsAChunkOrConfirmsASend_RendersTheListAroundTheChunks()
    {
        var sending = new PendingMessage(Guid.NewGuid(), Views.Ann, "on its way");
        var timeline = TimelineOf([.. Enumerable.Range(1, 19).Select(seq => Views.Message(seq))], [sending]);
        var list = Render<MessageList>(p => p
            .AddCascadingValue(Views.Viewer())
            .Add(l => l.BasePath, "/c/general")
            .Add(l => l.Timeline, timeline));

        timeline.Apply(Views.Message(20, clientMessageId: sending.ClientMessageId));
        await list.InvokeAsync(list.Instance.Refresh);

        Assert.Empty(list.FindAll("article[data-pending=true]"));
        Assert.Equal(3, list.FindComponents<MessageChunk>().Count);
        Assert.Equal("20", list.FindAll("article").Last().GetAttribute("data-seq"));

        var another = new PendingMessage(Guid.NewGuid(), Views.Ann, "and another");
        timeline.AddPending(another);
        list.Render();
        timeline.Apply(Views.Message(21, clientMessageId: another.ClientMessageId));
        await list.InvokeAsync(list.Instance.Refresh);

        // The send is confirmed by a message joining the last chunk: its pending copy still goes.
        Assert.Empty(list.FindAll("article[data-pending=true]"));
        Assert.Equal("21", list.FindAll("article").Last().GetAttribute("data-seq"));
    }

    [Fact]
    public void Render_WithoutUnread_HasNoNewMessagesLine()
    {
        var list = RenderList([Views.Message(1)]);

        Assert.Empty(list.FindAll("[role=separator]"));
    }

    [Fact]
    public void Render_PendingSend_ShowsAsPendingAndItsFailureWithRetry()
    {
        var sending = new PendingMessage(Guid.NewGuid(), Views.Ann, "on its way");
        var failed = new PendingMessage(Guid.NewGuid(), Views.Ann, "refused") { Error = "#general is archived." };

        var list = RenderList([], pending: [sending, failed]);

        var pending = list.FindAll("article[data-pending=true]");
        Assert.Equal(2, pending.Count);
        Assert.Equal("true", pending[0].GetAttribute("aria-busy"));
        Assert.Contains("on its way", pending[0].TextContent);
        Assert.Contains("#general is archived.", list.Find("[role=alert]").TextContent);
        Assert.NotNull(list.Find("article.failed button"));
        Assert.Null(pending[0].GetAttribute("data-seq"));
    }

    [Fact]
    public void Render_TimesAreShownInTheViewersTimeZone()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var at = new DateTimeOffset(2026, 11, 27, 12, 30, 0, TimeSpan.Zero);

        var list = RenderList([Views.Message(1, at: at)], zone: tokyo);

        Assert.Equal("21:30", list.Find("article time").TextContent);
    }

    [Fact]
    public void Render_PermalinkTarget_IsHighlighted()
    {
        var list = RenderList([Views.Message(1), Views.Message(2)], highlight: 2);

        Assert.Contains("highlight", list.Find("article[data-seq='2']").ClassName);
        Assert.DoesNotContain("highlight", list.Find("article[data-seq='1']").ClassName);
    }

    [Fact]
    public void Toolbar_OffersTheViewerWhatTheyMayDo_AndTheListsOneHandlerActsOnlyOnWhatItOffered()
    {
        var mine = Views.Message(1);
        var bens = Views.Message(2, author: Views.Ben);
        var list = RenderList([mine, bens]);

        string[] Buttons(string seq) =>
            [.. list.FindAll($"article[data-seq='{seq}'] [role=toolbar] button").Select(b => b.GetAttribute("data-action") ?? "")];
        Assert.Equal(["react", "edit", "delete"], Buttons("1"));
        Assert.Equal(["react", "delete"], Buttons("2"));
        Assert.Empty(list.FindComponents<MessageItem>());

        list.Find("article[data-seq='2'] [role=toolbar]").TriggerEvent("onmessageaction", Clicked("edit", bens));
        Assert.Empty(list.FindAll("article[data-seq='2'] .edit-box"));

        list.Find("article[data-seq='1'] [role=toolbar]").TriggerEvent("onmessageaction", Clicked("edit", mine));
        Assert.Single(list.FindAll("article[data-seq='1'] .edit-box"));
        Assert.Equal([1L, 2L], list.FindComponents<MessageItem>().Select(c => c.Instance.Message.Seq));
    }

    [Fact]
    public void Reaction_ClickedOnTheListsMarkup_TogglesThatReaction()
    {
        var message = Views.Message(1) with { Reactions = [new ReactionView("🎉", [Views.Ben], ["Ben Member"])] };
        (MessageView Message, string Emoji)? toggled = null;
        var list = Render<MessageList>(p => p
            .AddCascadingValue(Views.Viewer())
            .Add(l => l.BasePath, "/c/general")
            .Add(l => l.Timeline, TimelineOf([message], []))
            .Add(l => l.OnToggleReaction, (Action<(MessageView, string)>)(t => toggled = t)));

        var reaction = list.Find("article .reaction");
        Assert.Equal(("false", "🎉"), (reaction.GetAttribute("aria-pressed"), reaction.GetAttribute("data-emoji")));
        reaction.TriggerEvent("onmessageaction", Clicked("reaction", message, "🎉"));

        Assert.Equal((message, "🎉"), toggled);
    }

    [Fact]
    public async Task Action_OnTheListsMarkup_IsDoneOnce_EvenWhenTheMessageLeavesTheListAndComesBack()
    {
        var first = Views.Message(1);
        var second = Views.Message(2, author: Views.Ben);
        var timeline = TimelineOf([first, second], []);
        var markedUnread = new List<MessageView>();
        var list = Render<MessageList>(p => p
            .AddCascadingValue(Views.Viewer())
            .Add(l => l.BasePath, "/c/general")
            .Add(l => l.Timeline, timeline)
            .Add(l => l.CanMarkUnread, true)
            .Add(l => l.OnMarkUnread, (Action<MessageView>)markedUnread.Add));

        list.Find("article[data-seq='2'] [role=toolbar]").TriggerEvent("onmessageaction", Clicked("unread", second));
        timeline.Reset(Views.Page([first]));
        await list.InvokeAsync(list.Instance.Refresh);
        timeline.Reset(Views.Page([first, second]));
        await list.InvokeAsync(list.Instance.Refresh);

        Assert.Equal([second], markedUnread);
        Assert.Single(list.FindComponents<MessageItem>());
    }

    [Fact]
    public void Markup_OfAMessage_IsWhatTheMessageAsAComponentShows()
    {
        const string hostileName = "Ann <img src=x onerror=\"alert(1)\"> & co";
        var message = Views.Message(4, html: "<p>hello <strong>@ann</strong></p>") with
        {
            AuthorName = hostileName,
            EditedAt = Views.Noon.AddHours(1),
            MentionedUserIds = [Views.Ann],
            ReplyCount = 2,
            LastReplyAt = Views.Noon.AddHours(2),
            Repliers = ["Ben Member", "Zoë <Admin>"],
            Reactions = [new ReactionView("🎉", [Views.Ben, Views.Ann], ["Ben Member", "Ann Owner"]), new ReactionView("👍", [Views.Ben], ["Ben Member"])],
        };
        var actions = new MessageActions("/c/general", CanMarkUnread: true, ReadOnly: false, (_, _) => Task.FromResult<string?>(null),
            default, default, default, EventCallback.Factory.Create<Guid>(this, _ => { }));
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var viewer = Views.Viewer(zone: tokyo);

        var markup = MessageMarkup.Article(message, MessageLook.For(message, actions, viewer, highlight: true)).Value;
        var component = Render<MessageItem>(p => p
            .AddCascadingValue(viewer)
            .Add(i => i.Message, message)
            .Add(i => i.Actions, actions)
            .Add(i => i.Highlight, true));

        component.Find("article").MarkupMatches(markup);
        Assert.Contains("mentions-me", component.Find("article").ClassName);
        Assert.Equal("true", component.Find(".reaction[data-emoji='🎉']").GetAttribute("aria-pressed"));
        Assert.Equal("21:04", component.Find("article header time").TextContent);
        Assert.Equal(hostileName, component.Find("article .author").TextContent);
        Assert.DoesNotContain("<img src=x", markup);
    }

    [Fact]
    public void Markup_OfEqualMessagesSeenAlike_IsOneStringForAll()
    {
        var message = Views.Message(1) with { Reactions = [new ReactionView("🎉", [Views.Ben], ["Ben Member"])] };
        var loadedElsewhere = message with { Reactions = [new ReactionView("🎉", [Views.Ben], ["Ben Member"])] };
        var reactedTo = message with { Reactions = [new ReactionView("🎉", [Views.Ben, Views.Ann], ["Ben Member", "Ann Owner"])] };
        var actions = new MessageActions("/c/general", false, false, (_, _) => Task.FromResult<string?>(null), default, default, default, default);
        MessageLook Look(MessageView view) => MessageLook.For(view, actions, Views.Viewer());

        var first = MessageMarkup.Article(message, Look(message)).Value;

        Assert.Same(first, MessageMarkup.Article(loadedElsewhere, Look(loadedElsewhere)).Value);
        Assert.NotSame(first, MessageMarkup.Article(reactedTo, Look(reactedTo)).Value);
        Assert.NotSame(first, MessageMarkup.Article(message, Look(message) with { Grouped = true }).Value);
    }

    private static MessageActionEventArgs Clicked(string action, MessageView message, string emoji = "") =>
        new() { Action = action, MessageId = message.Id.ToString(), Emoji = emoji };
}
