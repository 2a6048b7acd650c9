using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Messages;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Authorization;

/// <summary>
/// Refuses a request that its <see cref="AccessTable"/> row does not allow, before validation and before the
/// handler, so a refusal never depends on what the request carried. A channel or message the actor cannot see
/// reads exactly like one that does not exist.
/// </summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(WorkspaceDb db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static AccessRule Rule => AccessTable.For(typeof(TMessage));

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        if (Rule.Roles != Roles.Anonymous)
            await AuthorizeAsync(message, cancellationToken);
        return await next(message, cancellationToken);
    }

    private async Task AuthorizeAsync(TMessage message, CancellationToken cancellationToken)
    {
        if (message is not IActorRequest request)
            throw new InvalidOperationException($"{typeof(TMessage).Name} needs an actor for its access rule.");
        if (Rule.Channel != ChannelNeed.None)
        {
            if (message is IChannelRequest byId)
                await db.LoadActorWithChannelAsync(request.ActorId, byId.ChannelId, cancellationToken);
            else if (message is IChannelNameRequest byName)
                await db.LoadActorWithChannelAsync(request.ActorId, byName.ChannelName, cancellationToken);
        }
        var actor = await db.ActorAsync(request.ActorId, cancellationToken);
        if (!Rule.Allows(actor.Role))
            throw new ForbiddenException(Rule.Denied ?? AccessRule.DefaultDenial);
        if (Rule.Channel == ChannelNeed.None || (Rule.AdminsManageAnyChannel && actor.IsAdmin))
            return;

        var (channel, membership) = message switch
        {
            IChannelRequest c => await db.FindVisibleAsync(actor.Id, c.ChannelId, cancellationToken),
            IChannelNameRequest n => await db.FindVisibleByNameAsync(actor.Id, n.ChannelName, cancellationToken),
            IMessageRequest m => await FindMessageChannelAsync(actor.Id, m.MessageId, cancellationToken),
            _ => throw new InvalidOperationException($"{typeof(TMessage).Name} names no channel for its access rule."),
        };
        if (Rule.Channel == ChannelNeed.Member && membership is null)
            throw new ForbiddenException($"Join #{channel.Name} first.");
        if (Rule.Writes)
            channel.EnsureOpen();
    }

    private async Task<(Channel, Membership?)> FindMessageChannelAsync(Guid actorId, Guid messageId,
        CancellationToken cancellationToken)
    {
        var channelId = await db.Messages.Where(m => m.Id == messageId).Select(m => (Guid?)m.ChannelId)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Message.NotFound);
        try
        {
            return await db.FindVisibleAsync(actorId, channelId, cancellationToken);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException(Message.NotFound);
        }
    }
}
