using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.EventLog;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Admin;

/// <summary>
/// An admin deletes a channel for good: its messages, reactions, mentions, thread follows and memberships go in
/// one transaction. <paramref name="ConfirmName"/> must be the channel's name, typed by the admin.
/// </summary>
public sealed record DeleteChannel(Guid ActorId, Guid ChannelId, string ConfirmName) : ICommand<Unit>, IChannelRequest;

public sealed class DeleteChannelValidator : AbstractValidator<DeleteChannel>
{
    public DeleteChannelValidator() =>
        RuleFor(c => c.ConfirmName).NotEmpty().WithMessage(Channel.ConfirmByName);
}

public sealed class DeleteChannelHandler(WorkspaceDb db, PendingEvents events, AuditLog audit, TimeProvider clock)
    : ICommandHandler<DeleteChannel, Unit>
{
    public async ValueTask<Unit> Handle(DeleteChannel command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var channel = await db.FindManagedAsync(command.ChannelId, cancellationToken);
        channel.EnsureDeletable(command.ConfirmName);

        List<Guid> memberIds;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            memberIds = await db.MemberIdsAsync(channel.Id, cancellationToken);
            var messages = db.Messages.Where(m => m.ChannelId == channel.Id);
            await db.ThreadFollows.Where(f => f.ChannelId == channel.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Mentions.Where(m => m.ChannelId == channel.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Reactions.Where(r => messages.Any(m => m.Id == r.MessageId)).ExecuteDeleteAsync(cancellationToken);
            await messages.ExecuteDeleteAsync(cancellationToken);
            await db.Memberships.Where(m => m.ChannelId == channel.Id).ExecuteDeleteAsync(cancellationToken);
            db.Channels.Remove(channel);
            foreach (var memberId in memberIds)
                db.Log(LoggedEvent.Membership(memberId, channel.Id, isMember: false, clock.GetUtcNow()));
            audit.Add(actor, AuditActions.ChannelDeleted, $"#{channel.Name}",
                $"{(channel.IsPrivate ? "private" : "public")}, {memberIds.Count} {(memberIds.Count == 1 ? "member" : "members")}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        // Whoever has it open leaves first, then every member's sidebar drops it.
        events.Add(new ChannelDeleted(channel.Id));
        foreach (var memberId in memberIds)
            events.Add(new MembershipChanged(memberId, channel.Id, IsMember: false));
        return Unit.Value;
    }
}
