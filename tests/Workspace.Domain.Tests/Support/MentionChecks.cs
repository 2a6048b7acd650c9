using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Workspace.Domain.Channels;
using Workspace.Domain.Members;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Tests.Support;

/// <summary>What the mention tests read: who a message mentions as stored, a person's handle, the app's presence.</summary>
public static class MentionChecks
{
    /// <summary>
    /// The app's <see cref="Presence"/> singleton. TestWorkspace keeps its container to itself, but a database
    /// context falls back to the application's services for what EF Core does not provide.
    /// </summary>
    public static Task<Presence> PresenceAsync(this TestWorkspace workspace) =>
        workspace.QueryDbAsync(db => Task.FromResult(db.GetService<Presence>()));

    /// <summary>The message's mention rows as "{handle}: {kind}", by handle.</summary>
    public static Task<string[]> MentionRowsAsync(this TestWorkspace workspace, Guid messageId) =>
        workspace.QueryDbAsync(async db =>
        {
            var rows = await (from m in db.Mentions
                              join u in db.Users on m.UserId equals u.Id
                              where m.MessageId == messageId
                              select new { u.Handle, m.Kind })
                .ToListAsync(TestContext.Current.CancellationToken);
            return rows.OrderBy(r => r.Handle, StringComparer.Ordinal).Select(r => $"{r.Handle}: {r.Kind}").ToArray();
        });

    public static Task<int> MentionRowCountAsync(this TestWorkspace workspace) =>
        workspace.QueryDbAsync(db => db.Mentions.CountAsync(TestContext.Current.CancellationToken));

    public static async Task<string> HandleOfAsync(this TestWorkspace workspace, Guid userId) =>
        (await workspace.Send.Send(new GetMember(userId), TestContext.Current.CancellationToken)).Handle;

    /// <summary>The person's sidebar entry for a channel: (unread, mentions).</summary>
    public static async Task<(long Unread, long Mentions)> BadgeAsync(this TestWorkspace workspace, Guid userId, Guid channelId)
    {
        var entry = (await workspace.Send.Send(new GetSidebar(userId), TestContext.Current.CancellationToken)).Single(c => c.Id == channelId);
        return (entry.Unread, entry.Mentions);
    }
}
