using Workspace.Domain.Channels;
using Workspace.Domain.Messages;
using Workspace.Domain.Tests.Support;
using Workspace.Domain.Threads;

namespace Workspace.Domain.Tests.Threads;

/// <summary>Replying and reading threads the way the thread pane does it.</summary>
internal static class ThreadReplies
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<MessageView> ReplyAsync(this TestWorkspace workspace, Guid authorId, MessageView root, string text,
        bool alsoSendToChannel = false) =>
        (await workspace.Send.Send(new PostMessage(authorId, root.ChannelId, text, Guid.NewGuid(), root.Seq, alsoSendToChannel), Cancel)).Message;

    public static async Task<ThreadView> ThreadAsync(this TestWorkspace workspace, Guid actorId, MessageView root) =>
        await workspace.Send.Send(new GetThread(actorId, root.Id), Cancel);

    /// <summary>Each followed thread as <c>"{root text}: {unread}"</c>, in the order the Threads view lists them.</summary>
    public static async Task<string[]> ThreadsListAsync(this TestWorkspace workspace, Guid actorId) =>
        [.. (await workspace.Send.Send(new GetThreads(actorId), Cancel)).Select(t => $"{t.Root.Text}: {t.Unread}")];

    public static async Task<long> UnreadInAsync(this TestWorkspace workspace, Guid memberId, Guid channelId) =>
        (await workspace.Send.Send(new GetSidebar(memberId), Cancel)).Single(c => c.Id == channelId).Unread;

    /// <summary>The channel's (LastSeq, ChangeSeq) as stored.</summary>
    public static Task<(long LastSeq, long ChangeSeq)> CountersAsync(this TestWorkspace workspace, Guid channelId) =>
        workspace.QueryDbAsync(async db =>
        {
            var channel = await db.Channels.FindAsync([channelId], Cancel);
            return (channel!.LastSeq, channel.ChangeSeq);
        });
}
