using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Workspace.Domain.Messages;
using Workspace.Domain.Reactions;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Components.Messages;

/// <summary>What a message offers the person looking at it, as the buttons of its toolbar.</summary>
[Flags]
public enum MessageOffers
{
    None = 0,
    React = 1,
    Reply = 2,
    Edit = 4,
    Delete = 8,
    MarkUnread = 16,
}

/// <summary>
/// Everything besides the message itself that decides its markup: where it sits in the list, and what about it is the
/// viewer's own (their zone's times, their mention, their reactions, what they may do). Viewers who see a message
/// alike share one look, and with it one string.
/// </summary>
/// <param name="MineMask">Bit i: the viewer is among the people behind the message's i-th reaction.</param>
public readonly record struct MessageLook(bool Grouped, bool Highlight, bool MentionsMe, MessageOffers Offers, bool ReadOnly,
    bool Threads, string BasePath, ZoneOfLook Zone, ulong MineMask)
{
    public static MessageLook For(MessageView message, MessageActions actions, Viewer viewer, bool grouped = false, bool highlight = false)
    {
        var offers = actions.ReadOnly ? MessageOffers.None : MessageOffers.React;
        if (actions.OnOpenThread.HasDelegate && message.ThreadRootId is null)
            offers |= MessageOffers.Reply;
        if (message.AuthorId == viewer.Id && !actions.ReadOnly)
            offers |= MessageOffers.Edit;
        if ((message.AuthorId == viewer.Id || viewer.Member.IsAdmin) && !actions.ReadOnly)
            offers |= MessageOffers.Delete;
        if (actions.CanMarkUnread)
            offers |= MessageOffers.MarkUnread;
        var mine = 0UL;
        for (var i = 0; i < Math.Min(message.Reactions.Count, 64); i++)
            if (message.Reactions[i].UserIds.Contains(viewer.Id))
                mine |= 1UL << i;
        return new MessageLook(grouped, highlight, message.MentionedUserIds.Contains(viewer.Id), offers, actions.ReadOnly,
            actions.OnOpenThread.HasDelegate, actions.BasePath, new ZoneOfLook(viewer.TimeZone), mine);
    }

    public bool IsMine(int reaction) => reaction < 64 && (MineMask & 1UL << reaction) != 0;

    /// <summary>The message is a reply also sent to the channel, and links to its thread.</summary>
    public bool LinksToThread(MessageView message) => Threads && message.ThreadRootId is not null && !message.ThreadOnly;

    /// <summary>The message starts a thread, and shows its replies' count.</summary>
    public bool ShowsReplies(MessageView message) => Threads && message.ReplyCount > 0;
}

/// <summary>
/// The viewer's time zone, equal to another by its id: <see cref="TimeZoneInfo"/>'s own equality compares every
/// adjustment rule, and a live message looks up its markup once per open page.
/// </summary>
public readonly struct ZoneOfLook(TimeZoneInfo zone) : IEquatable<ZoneOfLook>
{
    public TimeZoneInfo Zone { get; } = zone;

    public bool Equals(ZoneOfLook other) => ReferenceEquals(Zone, other.Zone) || Zone.Id == other.Zone.Id;

    public override bool Equals(object? obj) => obj is ZoneOfLook other && Equals(other);

    public override int GetHashCode() => Zone.Id.GetHashCode(StringComparison.Ordinal);
}

/// <summary>
/// A message as the markup it is. A list shows each message as one piece of markup rather than a component: one frame
/// instead of a component's thirty, and one string for every circuit that sees the message alike, where a component
/// per message was most of what a circuit held and most of what a live message cost each open page
/// (docs/benchmarks.md, memory and fan-out). Its buttons name what they do in <c>data-action</c>, for one handler
/// on the list (<see cref="MessageActionEventArgs"/>); a message someone acts on becomes a <see cref="MessageItem"/>,
/// which writes itself from the same pieces.
/// </summary>
public static class MessageMarkup
{
    private static readonly SharedCache<(MessageView View, MessageLook Look), MarkupString> Cache = new(4_096, new ArticleComparer());

    /// <summary>The toolbar's buttons, in the order of <see cref="MessageOffers"/>' flags.</summary>
    private static readonly string[] ToolbarButtons =
    [
        """<button type="button" aria-label="Add reaction" title="Add reaction" data-action="react">☺</button>""",
        """<button type="button" title="Reply in thread" data-action="reply">Reply in thread</button>""",
        """<button type="button" title="Edit" data-action="edit">Edit</button>""",
        """<button type="button" title="Delete" data-action="delete">Delete</button>""",
        """<button type="button" title="Mark unread" data-action="unread">Mark unread</button>""",
    ];

    /// <summary>Every toolbar there can be, one string each, indexed by <see cref="MessageOffers"/>.</summary>
    private static readonly string[] Toolbars =
        [.. Enumerable.Range(0, 1 << ToolbarButtons.Length)
            .Select(shown => string.Concat(ToolbarButtons.Where((_, i) => (shown & 1 << i) != 0)))];

    /// <summary>The whole message, cached: the same message seen alike is the same string in every circuit.</summary>
    public static MarkupString Article(MessageView message, MessageLook look)
    {
        // Past 64 reactions the look no longer tells whose they are: written afresh, as rare as it is.
        if (message.Reactions.Count > 64)
            return new MarkupString(WriteArticle(message, look));
        return Cache.GetOrAdd((message, look), key => new MarkupString(WriteArticle(key.View, key.Look)));
    }

    private static string WriteArticle(MessageView message, MessageLook look)
    {
        var html = new StringBuilder(1024);
        html.Append("<article data-seq=\"").Append(message.Seq.ToString(CultureInfo.InvariantCulture))
            .Append("\" data-message-id=\"").Append(message.Id.ToString())
            .Append("\" class=\"").Append(Classes(look, editing: false)).Append("\">");
        WriteHead(html, message, look);
        WriteBody(html, message, look);
        WriteTail(html, message, look, toolbar: true);
        return html.Append("</article>").ToString();
    }

    /// <summary>The article's classes: how it sits in the list, and whether it mentions the viewer.</summary>
    public static string Classes(MessageLook look, bool editing) =>
        "message" + (look.Grouped ? " grouped" : "") + (look.Highlight ? " highlight" : "") + (editing ? " editing" : "")
        + (look.MentionsMe ? " mentions-me" : "");

    /// <summary>Who posted it and when: the avatar and header, or for a grouped message its time in the gutter.</summary>
    public static MarkupString Head(MessageView message, MessageLook look) => Piece(html => WriteHead(html, message, look));

    /// <summary>The message's text, marked when it was edited.</summary>
    public static MarkupString Body(MessageView message, MessageLook look) => Piece(html => WriteBody(html, message, look));

    /// <summary>The thread links, the reactions and, unless <paramref name="toolbar"/> is false, the toolbar.</summary>
    public static MarkupString Tail(MessageView message, MessageLook look, bool toolbar) =>
        Piece(html => WriteTail(html, message, look, toolbar));

    private static MarkupString Piece(Action<StringBuilder> write)
    {
        var html = new StringBuilder(512);
        write(html);
        return new MarkupString(html.ToString());
    }

    private static void WriteHead(StringBuilder html, MessageView message, MessageLook look)
    {
        var author = Encode(message.PostedAs ?? message.AuthorName);
        if (look.Grouped)
        {
            html.Append("<span class=\"visually-hidden\">").Append(author).Append("</span>");
            WriteTime(html, message.CreatedAt, look, "gutter-time");
            return;
        }
        if (message.PostedIcon is { } icon)
            html.Append("<div class=\"avatar emoji-avatar\" aria-hidden=\"true\">").Append(Encode(icon)).Append("</div>");
        else
            html.Append(Avatars.Markup(message.AuthorId, message.AuthorName, message.AuthorAvatarVersion, cssClass: null));
        html.Append("<header class=\"message-header\">")
            .Append("<button type=\"button\" class=\"author\" aria-haspopup=\"dialog\" data-action=\"profile\">").Append(author).Append("</button>");
        if (message.AuthorIsBot)
            html.Append("<span class=\"bot-badge\" title=\"Posted by an integration\">BOT</span>");
        html.Append("<a class=\"time\" href=\"").Append(Encode($"{look.BasePath}/{message.Seq}"))
            .Append("\" title=\"").Append(Encode(FullTime(message.CreatedAt, look))).Append("\">");
        WriteTime(html, message.CreatedAt, look, cssClass: null);
        html.Append("</a></header>");
    }

    private static void WriteBody(StringBuilder html, MessageView message, MessageLook look)
    {
        // The HTML was rendered from Markdown and sanitised when the message was written (MarkdownRenderer).
        html.Append("<div class=\"message-body\">").Append(message.Html);
        if (message.EditedAt is { } edited)
            html.Append("<span class=\"edited\" title=\"Edited ").Append(Encode(FullTime(edited, look))).Append("\">(edited)</span>");
        html.Append("</div>");
    }

    private static void WriteTail(StringBuilder html, MessageView message, MessageLook look, bool toolbar)
    {
        if (look.LinksToThread(message))
            html.Append("<button type=\"button\" class=\"thread-link\" data-action=\"thread\">replied to a thread</button>");
        if (look.ShowsReplies(message))
        {
            html.Append("<button type=\"button\" class=\"replies\" data-action=\"replies\"><span class=\"repliers\" aria-hidden=\"true\">");
            foreach (var name in message.Repliers.Take(4))
                html.Append("<span class=\"replier\">").Append(Encode(Avatars.Initial(name))).Append("</span>");
            html.Append("</span><span class=\"reply-count\">")
                .Append(message.ReplyCount == 1 ? "1 reply" : $"{message.ReplyCount} replies").Append("</span>");
            if (message.LastReplyAt is { } last)
                html.Append("<span class=\"hint\">Last reply ").Append(Time(last, look)).Append("</span>");
            html.Append("</button>");
        }
        if (message.Reactions.Count > 0)
        {
            html.Append("<div class=\"reactions\">");
            for (var i = 0; i < message.Reactions.Count; i++)
            {
                var reaction = message.Reactions[i];
                var mine = look.IsMine(i);
                var name = EmojiCatalog.NameOf(reaction.Emoji);
                html.Append("<button type=\"button\" class=\"reaction").Append(mine ? " mine" : "")
                    .Append("\" aria-pressed=\"").Append(mine ? "true" : "false")
                    .Append("\" aria-label=\"").Append(Encode($"{name}: {reaction.Count}"))
                    .Append("\" title=\"").Append(Encode($"{string.Join(", ", reaction.Names)} reacted with {name}"))
                    .Append(look.ReadOnly ? "\" disabled" : "\"")
                    .Append(" data-action=\"reaction\" data-emoji=\"").Append(Encode(reaction.Emoji)).Append("\">")
                    .Append("<span aria-hidden=\"true\">").Append(Encode(reaction.Emoji)).Append("</span> <span class=\"count\">")
                    .Append(reaction.Count.ToString(CultureInfo.InvariantCulture)).Append("</span></button>");
            }
            html.Append("</div>");
        }
        if (toolbar)
            html.Append("<div class=\"message-actions\" role=\"toolbar\" aria-label=\"Message actions\">")
                .Append(Toolbars[(int)look.Offers]).Append("</div>");
    }

    private static void WriteTime(StringBuilder html, DateTimeOffset time, MessageLook look, string? cssClass)
    {
        html.Append(cssClass is null ? "<time" : $"<time class=\"{cssClass}\"")
            .Append(" datetime=\"").Append(time.ToString("O", CultureInfo.InvariantCulture)).Append("\">")
            .Append(Time(time, look)).Append("</time>");
    }

    private static string Time(DateTimeOffset time, MessageLook look) =>
        TimeZoneInfo.ConvertTime(time, look.Zone.Zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string FullTime(DateTimeOffset time, MessageLook look) =>
        TimeZoneInfo.ConvertTime(time, look.Zone.Zone).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    /// <summary>
    /// Two message views are the same message shown alike when everything in them is equal, the lists they hold
    /// included. Pages share the views they load (<see cref="SharedViews"/>) and a live message reaches every circuit as
    /// one object, so the first comparison mostly settles it.
    /// </summary>
    private sealed class ArticleComparer : IEqualityComparer<(MessageView View, MessageLook Look)>
    {
        public bool Equals((MessageView View, MessageLook Look) x, (MessageView View, MessageLook Look) y) =>
            x.Look == y.Look && SharedViews.SameContent(x.View, y.View);

        public int GetHashCode((MessageView View, MessageLook Look) key) =>
            HashCode.Combine(key.View.Id, key.View.ChangeSeq, key.Look);
    }
}
