using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Admin;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.EventLog;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Integrations;

/// <summary>
/// An admin makes an incoming webhook for a channel: a bot named after it joins the channel, and the returned token
/// (shown once; only its hash is kept) lets anything that has it post there.
/// </summary>
public sealed record CreateIncomingWebhook(Guid ActorId, Guid ChannelId, string Name) : ICommand<CreatedWebhook>, IActorRequest;

public sealed record CreatedWebhook(Guid Id, string Token);

public sealed class CreateIncomingWebhookValidator : AbstractValidator<CreateIncomingWebhook>
{
    public CreateIncomingWebhookValidator()
    {
        RuleFor(c => c.Name)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Give the webhook a name; its messages show it.")
            .MaximumLength(IncomingWebhook.MaxNameLength).WithMessage($"Webhook names are at most {IncomingWebhook.MaxNameLength} characters.");
        RuleFor(c => c.ChannelId).NotEmpty().WithMessage("Choose the channel the webhook posts to.");
    }
}

public sealed class CreateIncomingWebhookHandler(WorkspaceDb db, NewMembers members, PendingEvents events, AuditLog audit,
    TimeProvider clock) : ICommandHandler<CreateIncomingWebhook, CreatedWebhook>
{
    public async ValueTask<CreatedWebhook> Handle(CreateIncomingWebhook command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var channel = await db.FindManagedAsync(command.ChannelId, cancellationToken);
        channel.EnsureOpen();
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var bot = await members.CreateBotAsync(command.Name, cancellationToken);
        db.Memberships.Add(new Membership(channel.Id, bot.Id, channel.LastSeq, now));
        db.Log(LoggedEvent.Membership(bot.Id, channel.Id, isMember: true, now));
        var token = Tokens.New();
        var hook = new IncomingWebhook(command.Name, channel.Id, bot.Id, Tokens.Hash(token), actor.Id, now);
        db.IncomingWebhooks.Add(hook);
        audit.Add(actor, AuditActions.WebhookCreated, $"#{channel.Name}", $"\"{hook.Name}\" posting as @{bot.Handle}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Add(new MembershipChanged(bot.Id, channel.Id, IsMember: true));
        return new CreatedWebhook(hook.Id, token);
    }
}
