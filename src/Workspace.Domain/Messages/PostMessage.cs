using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.EventLog;
using Workspace.Domain.Integrations;
using Workspace.Domain.Members;
using Workspace.Domain.Mentions;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Reactions;
using Workspace.Domain.Realtime;
using Workspace.Domain.Threads;

namespace Workspace.Domain.Messages;

/// <summary>
/// Posts a message to a channel the actor belongs to, or with <paramref name="ThreadRootSeq"/> a reply in that
/// message's thread (shown in the channel too with <paramref name="AlsoSendToChannel"/>). The same
/// <paramref name="ClientMessageId"/> from the same author always answers with the first message, so a retried
/// send never posts twice. An integration may post under another name and emoji (<paramref name="PostedAs"/>,
/// <paramref name="PostedIcon"/>), as Slack's incoming webhooks do.
/// </summary>
public sealed record PostMessage(Guid ActorId, Guid ChannelId, string Text, Guid ClientMessageId,
    long? ThreadRootSeq = null, bool AlsoSendToChannel = false, string? PostedAs = null, string? PostedIcon = null)
    : ICommand<PostedMessage>, IChannelRequest, IRateLimited;

/// <param name="Created">False when this was a repeat of a send that had already been stored.</param>
/// <param name="NotInChannel">Handles the text names who are not members, so were not notified.</param>
public sealed record PostedMessage(MessageView Message, bool Created, IReadOnlyList<string>? NotInChannel = null)
{
    public IReadOnlyList<string> NotInChannel { get; init; } = NotInChannel ?? [];
}

public sealed class PostMessageValidator : AbstractValidator<PostMessage>
{
    public PostMessageValidator()
    {
        RuleFor(c => c.Text).MessageText();
        RuleFor(c => c.ClientMessageId).NotEmpty().WithMessage("A message needs a client message id.");
        RuleFor(c => c.PostedAs).MaximumLength(User.MaxDisplayNameLength)
            .WithMessage($"A name to post under is at most {User.MaxDisplayNameLength} characters.");
        RuleFor(c => c.PostedIcon).Must(icon => icon is null || EmojiCatalog.Contains(icon))
            .WithMessage("Post with one of the workspace's emoji.");
    }
}

public sealed class PostMessageHandler(WorkspaceDb db, GroupCommit writes, PendingEvents events, Presence presence,
    TimeProvider clock, WorkspaceMetrics metrics)
    : ICommandHandler<PostMessage, PostedMessage>
{
    public async ValueTask<PostedMessage> Handle(PostMessage command, CancellationToken cancellationToken)
    {
        try
        {
            return await PostAsync(command, cancellationToken);
        }
        catch (DomainException)
        {
            // A retry of a send that was stored answers with the first message, whatever changed since (the thread's
            // first message deleted, say). Asked only on a refusal, so a post that goes through pays no extra query.
            db.ChangeTracker.Clear();
            if (await FindRepeatAsync(command, cancellationToken) is { } repeat)
                return new PostedMessage(repeat, Created: false);
            throw;
        }
    }

    private async Task<PostedMessage> PostAsync(PostMessage command, CancellationToken cancellationToken)
    {
        var author = await db.ActorAsync(command.ActorId, cancellationToken);
        var (channel, _) = await db.FindMembershipAsync(command.ActorId, command.ChannelId, cancellationToken);
        channel.EnsureOpen();
        if ((command.PostedAs ?? command.PostedIcon) is not null && author.Role != WorkspaceRole.Bot)
            throw new ForbiddenException("Only integrations post under another name.");
        var text = MessageRules.Tidy(command.Text);
        var markdown = MarkdownRenderer.Parse(text);
        var mentions = await MessageMentions.ResolveAsync(db, presence, channel, command.ActorId, markdown, cancellationToken);
        await mentions.EnsureAllowedAsync(db, author, cancellationToken);
        var html = markdown.ToHtml(mentions.Tokens);

        Written written;
        try
        {
            // Not cancelled: a post committed with others may not be taken back alone.
            written = await writes.WriteAsync((writer, logged) =>
                WriteAsync(writer, logged, command, channel, text, html, mentions, clock.GetUtcNow(), CancellationToken.None));
        }
        catch (Exception e) when (e.IsUniqueViolation())
        {
            // A repeat of a stored send, or the same send racing itself (two requests with one client id): the unique
            // index on the author's client ids refused it, and the first one stands.
            var first = await FindRepeatAsync(command, cancellationToken)
                ?? throw new InvalidOperationException("A unique index refused the message but no first copy exists.", e);
            return new PostedMessage(first, Created: false);
        }

        var (message, root, deliveriesQueued) = written;
        var view = MessageViews.FreshView(message, author, root, [.. mentions.Mentioned.Keys]);
        events.Add(new MessagePosted(view));
        if (root is not null)
            events.Add(new MessageChanged(await db.ViewAsync(root.Id, cancellationToken)));
        if (!message.ThreadOnly)
            events.Add(new ChannelRead(command.ActorId, channel.Id, view.Seq));
        if (deliveriesQueued)
            events.Add(OutgoingDeliveriesQueued.Instance);
        metrics.MessagePosted();
        return new PostedMessage(view, Created: true, mentions.NotInChannel);
    }

    private sealed record Written(Message Message, Message? Root, bool DeliveriesQueued);

    /// <summary>
    /// The post's transaction, in the group commit's context (<see cref="GroupCommit"/>): it may run twice, so it only
    /// writes, and static so that it cannot reach the command's own context by mistake.
    /// </summary>
    private static async Task<Written> WriteAsync(WorkspaceDb db, List<LoggedEvent> logged, PostMessage command,
        Channel channel, string text, string html, MessageMentions mentions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Message message;
        Message? root = null;
        if (command.ThreadRootSeq is { } rootSeq)
        {
            root = await db.Messages.SingleOrDefaultAsync(
                    m => m.ChannelId == channel.Id && m.Seq == rootSeq && m.ReplySeq == 0, cancellationToken)
                ?? throw new NotFoundException(Message.NotFound);
            message = await ReplyAsync(db, command, root, text, html, now, cancellationToken);
        }
        else
        {
            var (seq, changeSeq) = await db.NextMessageAsync(channel.Id, command.ActorId, cancellationToken);
            message = new Message(channel.Id, seq, changeSeq, command.ActorId, text, html, command.ClientMessageId, now);
        }
        message.PostedBy(command.PostedAs, command.PostedIcon);
        // Past the change tracker: what every post writes. Mentions, deliveries, follows and a thread's root are saved below.
        await db.InsertRowsAsync([message], cancellationToken);
        mentions.Add(db, message, now);
        var deliveriesQueued = await OutgoingDeliveries.QueueAsync(db, channel, message, root, mentions, now, cancellationToken);
        if (root is not null)
            foreach (var mentioned in mentions.Mentioned.Keys)
                await db.FollowAsync(mentioned, root, message.ReplySeq - 1, refollow: true, cancellationToken);
        // The writer's context holds only what this write loaded and added: nothing of the command's own lookups to scan.
        await db.SaveChangesAsync(cancellationToken);
        logged.Add(LoggedEvent.Posted(message, now));
        return new Written(message, root, deliveriesQueued);
    }

    /// <summary>
    /// The reply takes the next change seq (and a channel seq when also sent there); the root's counters change
    /// after it, under the next change seq, so views apply the reply before the root that counts it.
    /// </summary>
    private static async Task<Message> ReplyAsync(WorkspaceDb db, PostMessage command, Message root, string text, string html,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (seq, changeSeq) = command.AlsoSendToChannel
            ? await db.NextMessageAsync(root.ChannelId, command.ActorId, cancellationToken)
            : (root.Seq, await db.NextChangeAsync(root.ChannelId, cancellationToken));
        await db.Entry(root).ReloadAsync(cancellationToken);
        root.Replied(now, await db.NextChangeAsync(root.ChannelId, cancellationToken));
        var reply = Message.Reply(root, seq, changeSeq, command.ActorId, text, html, command.ClientMessageId, now,
            command.AlsoSendToChannel);
        await db.FollowAsync(command.ActorId, root, reply.ReplySeq, refollow: true, cancellationToken);
        if (root.AuthorId != command.ActorId)
            await db.FollowAsync(root.AuthorId, root, readUpTo: 0, refollow: false, cancellationToken);
        return reply;
    }

    private async Task<MessageView?> FindRepeatAsync(PostMessage command, CancellationToken cancellationToken) =>
        (await db.ToViewsAsync(
            db.Messages.Where(m => m.AuthorId == command.ActorId && m.ClientMessageId == command.ClientMessageId),
            cancellationToken)).SingleOrDefault();
}
