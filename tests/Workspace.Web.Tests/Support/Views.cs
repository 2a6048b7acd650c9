using Workspace.Domain.Members;
using Workspace.Domain.Messages;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Tests.Support;

/// <summary>Builds the view records components receive, with readable defaults.</summary>
internal static class Views
{
    public static readonly Guid ChannelId = Guid.Parse("00000000-0000-0000-0000-00000000c0de");
    public static readonly Guid Ann = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid Ben = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    public static readonly DateTimeOffset Noon = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public static Viewer Viewer(Guid? id = null, TimeZoneInfo? zone = null) =>
        new(new MemberView(id ?? Ann, id == Ben ? "Ben Member" : "Ann Owner", id == Ben ? "ben" : "ann", WorkspaceRole.Owner),
            zone ?? TimeZoneInfo.Utc);

    public static MessageView Message(long seq, Guid? author = null, long? changeSeq = null, DateTimeOffset? at = null,
        string? html = null, Guid? clientMessageId = null)
    {
        var who = author ?? Ann;
        return new MessageView(
            Id: Guid.CreateVersion7(),
            ChannelId: ChannelId,
            Seq: seq,
            ChangeSeq: changeSeq ?? seq,
            AuthorId: who,
            AuthorName: who == Ben ? "Ben Member" : "Ann Owner",
            AuthorHandle: who == Ben ? "ben" : "ann",
            Text: $"message {seq}",
            Html: html ?? $"<p>message {seq}</p>",
            ClientMessageId: clientMessageId ?? Guid.NewGuid(),
            CreatedAt: at ?? Noon.AddMinutes(seq));
    }

    public static MessagePage Page(IEnumerable<MessageView> messages, bool hasOlder = false, bool hasNewer = false, long? changeSeq = null)
    {
        var list = messages.ToList();
        return new MessagePage(list, hasOlder, hasNewer, changeSeq ?? (list.Count == 0 ? 0 : list.Max(m => m.ChangeSeq)));
    }
}
