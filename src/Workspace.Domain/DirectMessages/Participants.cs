using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.DirectMessages;

/// <summary>Someone else in a direct conversation: how the sidebar and the header name it.</summary>
public sealed record Participant(Guid Id, string Handle, string DisplayName);

internal static class Participants
{
    /// <summary>The people in each given conversation other than the viewer, by handle; one query for them all.</summary>
    public static async Task<ILookup<Guid, Participant>> OthersAsync(this WorkspaceDb db, Guid viewerId,
        IReadOnlyCollection<Guid> channelIds, CancellationToken cancellationToken)
    {
        if (channelIds.Count == 0)
            return Array.Empty<Participant>().ToLookup(_ => Guid.Empty);
        var rows = await (from m in db.Memberships
                          join u in db.Users on m.UserId equals u.Id
                          where channelIds.Contains(m.ChannelId) && m.UserId != viewerId
                          orderby u.Handle
                          select new { m.ChannelId, Participant = new Participant(u.Id, u.Handle, u.DisplayName) })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.ChannelId, r => r.Participant);
    }
}
