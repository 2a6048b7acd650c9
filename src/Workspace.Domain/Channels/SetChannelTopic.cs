using FluentValidation;
using Mediator;
using Workspace.Domain.Authorization;
using Workspace.Domain.EventLog;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;

namespace Workspace.Domain.Channels;

/// <summary>Any member may set the topic shown under the channel's name.</summary>
public sealed record SetChannelTopic(Guid ActorId, Guid ChannelId, string Topic) : ICommand<Unit>, IChannelRequest;

public sealed class SetChannelTopicValidator : AbstractValidator<SetChannelTopic>
{
    public SetChannelTopicValidator() => RuleFor(c => c.Topic)
        .Must(topic => topic is not null && topic.Trim().Length <= Channel.MaxTopicLength)
        .WithMessage($"Topics are at most {Channel.MaxTopicLength} characters.");
}

public sealed class SetChannelTopicHandler(WorkspaceDb db, PendingEvents events, TimeProvider clock) : ICommandHandler<SetChannelTopic, Unit>
{
    public async ValueTask<Unit> Handle(SetChannelTopic command, CancellationToken cancellationToken)
    {
        var (channel, _) = await db.FindMembershipAsync(command.ActorId, command.ChannelId, cancellationToken);
        channel.SetTopic(command.Topic);
        db.Log(LoggedEvent.ChannelUpdated(channel.Id, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        events.Add(channel.Updated());
        return Unit.Value;
    }
}
