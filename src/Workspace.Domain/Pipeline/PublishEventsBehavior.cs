using Mediator;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Pipeline;

/// <summary>
/// Publishes what a command changed only after the handler returned, that is after its transaction
/// committed: nobody sees an event for a change that was rolled back.
/// </summary>
public sealed class PublishEventsBehavior<TMessage, TResponse>(PendingEvents pending, IChatEvents events)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        foreach (var chatEvent in pending.TakeAll())
            events.Publish(chatEvent);
        return response;
    }
}
