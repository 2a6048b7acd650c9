using Mediator;
using Workspace.Domain.Channels;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Pipeline;

/// <summary>
/// Publishes what a command changed only after the handler returned, that is after its transaction
/// committed: nobody sees an event for a change that was rolled back.
/// </summary>
public sealed class PublishEventsBehavior<TMessage, TResponse>(PendingEvents pending, IChatEvents events, SidebarCache sidebars)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
        }
        catch
        {
            // A handler that failed after noting events may have committed what they describe (most note them once
            // committed), and its events are not published: no sidebar held in memory is trusted until read again.
            if (pending.TakeAll().Count > 0)
                sidebars.ForgetAll();
            throw;
        }
        foreach (var chatEvent in pending.TakeAll())
            events.Publish(chatEvent);
        return response;
    }
}
