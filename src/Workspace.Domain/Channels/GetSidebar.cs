using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Channels;

/// <param name="DeletedUnread">Seqs after the read pointer whose messages were deleted: unread no longer.</param>
/// <param name="Others">For a direct conversation, the people in it besides the viewer; empty for channels.</param>
/// <param name="MentionSeqs">Seqs after the read pointer of messages that mention the viewer.</param>
public sealed record SidebarChannel(Guid Id, string Name, bool IsPrivate, long LastSeq, long LastReadSeq,
    IReadOnlyList<long> DeletedUnread, bool IsDirect = false, IReadOnlyList<Participant>? Others = null,
    IReadOnlyList<long>? MentionSeqs = null)
{
    public IReadOnlyList<Participant> Others { get; init; } = Others ?? [];
    public IReadOnlyList<long> MentionSeqs { get; init; } = MentionSeqs ?? [];
    public long Mentions => MentionSeqs.Count(seq => seq > LastReadSeq);

    public long Unread => Math.Max(0, LastSeq - LastReadSeq - DeletedUnread.Count(seq => seq > LastReadSeq));
}

/// <summary>
/// The channels a person belongs to, with unread counts taken from counters and pointers: the newest seq minus
/// the read pointer, less the few messages after the pointer that were deleted. Never a count of all unread rows.
/// Mentions are the viewer's mention rows after the pointer. On SQLite, asked again while nothing in it changed, it is
/// answered from memory (<see cref="SidebarCache"/>).
/// </summary>
public sealed record GetSidebar(Guid ActorId) : IQuery<IReadOnlyList<SidebarChannel>>, IActorRequest;

public sealed class GetSidebarHandler(WorkspaceDb db, SidebarCache cache) : IQueryHandler<GetSidebar, IReadOnlyList<SidebarChannel>>
{
    public async ValueTask<IReadOnlyList<SidebarChannel>> Handle(GetSidebar query, CancellationToken cancellationToken)
    {
        if (cache.TryGet(query.ActorId, out var held))
        {
            if (cache.CheckAgainstDatabase)
                Compare(query.ActorId, held, await ReadAsync(query.ActorId, cancellationToken));
            return held;
        }
        var readBegan = cache.ReadBegins();
        var channels = await ReadAsync(query.ActorId, cancellationToken);
        cache.Keep(query.ActorId, readBegan, channels);
        return channels;
    }

    private async Task<IReadOnlyList<SidebarChannel>> ReadAsync(Guid actorId, CancellationToken cancellationToken)
    {
        var channels = await Joined.For(db)(db, actorId).ToListAsync(cancellationToken);
        var deletedByChannel = (await DeletedUnread.For(db)(db, actorId).ToListAsync(cancellationToken))
            .ToLookup(d => d.ChannelId, d => d.Seq);
        var mentions = (await MentionsUnread.For(db)(db, actorId).ToListAsync(cancellationToken))
            .ToLookup(m => m.ChannelId, m => m.Seq);
        var others = await db.OthersAsync(actorId,
            channels.Where(c => c.Kind == ChannelKind.Direct).Select(c => c.Id).ToList(), cancellationToken);
        return channels
            .Select(c => new SidebarChannel(c.Id, c.Name, c.Kind == ChannelKind.Private, c.LastSeq, c.LastReadSeq,
                ListOf(deletedByChannel[c.Id]), c.Kind == ChannelKind.Direct, ListOf(others[c.Id]), ListOf(mentions[c.Id])))
            .ToList();
    }

    // Most channels have no deletions, mentions or other people: one shared empty list instead of three new ones each,
    // for every sidebar held in memory.
    private static IReadOnlyList<T> ListOf<T>(IEnumerable<T> items) => items.Any() ? items.ToList() : [];

    private static void Compare(Guid actorId, IReadOnlyList<SidebarChannel> held, IReadOnlyList<SidebarChannel> read)
    {
        var (heldShown, readShown) = (held.Select(Shown).ToList(), read.Select(Shown).ToList());
        if (!heldShown.SequenceEqual(readShown))
            throw new InvalidOperationException($"The sidebar held for {actorId} differs from the database's:\n" +
                $"held: {string.Join("; ", heldShown)}\nread: {string.Join("; ", readShown)}");
    }

    private static string Shown(SidebarChannel c) =>
        $"{c.Id} {c.Name} private={c.IsPrivate} direct={c.IsDirect} last={c.LastSeq} read={c.LastReadSeq} " +
        $"unread={c.Unread} mentions={c.Mentions} others={string.Join(",", c.Others)}";

    private sealed record Row(Guid Id, string Name, ChannelKind Kind, long LastSeq, long LastReadSeq);

    private sealed record SeqIn(Guid ChannelId, long Seq);

    // Compiled, like the lookups every command makes (Actors.FindUserAsync): every page load and reconnect asks them.
    private static readonly PerModel<Func<WorkspaceDb, Guid, IAsyncEnumerable<Row>>> Joined = new(() =>
        EF.CompileAsyncQuery((WorkspaceDb db, Guid actorId) =>
            from m in db.Memberships
            join c in db.Channels on m.ChannelId equals c.Id
            where m.UserId == actorId && !c.IsArchived
            orderby c.Name
            select new Row(c.Id, c.Name, c.Kind, c.LastSeq, m.LastReadSeq)));

    private static readonly PerModel<Func<WorkspaceDb, Guid, IAsyncEnumerable<SeqIn>>> DeletedUnread = new(() =>
        EF.CompileAsyncQuery((WorkspaceDb db, Guid actorId) =>
            from m in db.Memberships
            join msg in db.Messages on m.ChannelId equals msg.ChannelId
            where m.UserId == actorId && msg.Seq > m.LastReadSeq && msg.DeletedAt != null && !msg.ThreadOnly
            select new SeqIn(msg.ChannelId, msg.Seq)));

    private static readonly PerModel<Func<WorkspaceDb, Guid, IAsyncEnumerable<SeqIn>>> MentionsUnread = new(() =>
        EF.CompileAsyncQuery((WorkspaceDb db, Guid actorId) =>
            from m in db.Memberships
            join mention in db.Mentions on new { m.ChannelId, m.UserId } equals new { mention.ChannelId, mention.UserId }
            where m.UserId == actorId && mention.Seq > m.LastReadSeq
            select new SeqIn(mention.ChannelId, mention.Seq)));
}
