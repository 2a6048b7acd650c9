using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Members;
using Workspace.Domain.Mentions;
using Workspace.Domain.Messages;
using Workspace.Domain.Persistence;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Integrations;

/// <summary>Tells the delivery worker of this node that a committed post queued deliveries: it need not wait for its timer.</summary>
public sealed record OutgoingDeliveriesQueued : ChatEvent
{
    public const string DeliveryStream = "outgoing-deliveries";
    public static readonly OutgoingDeliveriesQueued Instance = new();
    public override string Stream => DeliveryStream;
}

internal static class OutgoingDeliveries
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Queues the new message for each bot with an outgoing webhook that it is meant for: bots it mentions by handle
    /// (mentions resolve to members only), and the bots of a direct conversation. Never the author. Call inside the
    /// post's transaction, before saving. Asks the database only when the message names a bot or is direct. True when it
    /// queued any: the caller tells the worker (<see cref="OutgoingDeliveriesQueued"/>) once committed.
    /// </summary>
    public static async Task<bool> QueueAsync(WorkspaceDb db, Channel channel, Message message, Message? root,
        MessageMentions mentions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!mentions.NamesABot && !channel.IsDirect)
            return false;
        var named = mentions.Mentioned.Where(m => m.Value == MentionKind.Person).Select(m => m.Key).ToList();

        var direct = channel.IsDirect;
        var bots = await (from hook in db.OutgoingWebhooks
                          join bot in db.Users on hook.BotId equals bot.Id
                          where bot.Role == WorkspaceRole.Bot && bot.DeactivatedAt == null && bot.Id != message.AuthorId
                                && (named.Contains(bot.Id)
                                    || (direct && db.Memberships.Any(m => m.ChannelId == channel.Id && m.UserId == bot.Id)))
                          select new { bot.Id, bot.Handle })
            .ToListAsync(cancellationToken);
        if (bots.Count == 0)
            return false;

        var author = await db.Users.Where(u => u.Id == message.AuthorId)
            .Select(u => new { id = u.Id, name = u.DisplayName, handle = u.Handle })
            .SingleAsync(cancellationToken);
        foreach (var bot in bots)
        {
            var payload = JsonSerializer.Serialize(new
            {
                type = "message",
                bot = new { id = bot.Id, handle = bot.Handle },
                channel = new { id = channel.Id, name = channel.Name },
                message = new
                {
                    id = message.Id,
                    seq = message.Seq,
                    threadRootSeq = root?.Seq,
                    replySeq = message.ReplySeq,
                    author,
                    text = message.Text,
                    createdAt = message.CreatedAt,
                },
            }, Json);
            db.OutgoingDeliveries.Add(new OutgoingDelivery(bot.Id, message.Id, payload, now));
        }
        return true;
    }
}
