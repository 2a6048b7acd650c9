using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Integrations;

/// <summary>
/// An admin gives a bot an outgoing URL, which is then called when the bot is mentioned or written to directly, or
/// takes it away with an empty one. Returns the new signing secret, or null when removed.
/// </summary>
public sealed record SetOutgoingWebhook(Guid ActorId, Guid BotId, string? Url) : ICommand<string?>, IActorRequest
{
    public Uri? Address => string.IsNullOrWhiteSpace(Url) ? null : new Uri(Url.Trim(), UriKind.Absolute);
}

public sealed class SetOutgoingWebhookValidator : AbstractValidator<SetOutgoingWebhook>
{
    public SetOutgoingWebhookValidator() => RuleFor(c => c.Url).Cascade(CascadeMode.Stop)
        .MaximumLength(OutgoingWebhook.MaxUrlLength)
        .WithMessage($"Outgoing URLs are at most {OutgoingWebhook.MaxUrlLength} characters.")
        .Must(url => Uri.TryCreate(url!.Trim(), UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        .WithMessage("Enter the whole address, such as https://example.com/hooks/workspace.")
        .Must(url => new Uri(url!.Trim()).Scheme is "http" or "https")
        .WithMessage("Outgoing URLs start with https:// or http://.")
        .Must(url => new Uri(url!.Trim()).UserInfo.Length == 0)
        .WithMessage("Leave the user name and password out of the URL; check the signature header instead.")
        .When(c => !string.IsNullOrWhiteSpace(c.Url));
}

public sealed class SetOutgoingWebhookHandler(WorkspaceDb db, AuditLog audit, TimeProvider clock)
    : ICommandHandler<SetOutgoingWebhook, string?>
{
    public async ValueTask<string?> Handle(SetOutgoingWebhook command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var bot = await db.Users.SingleOrDefaultAsync(u => u.Id == command.BotId && u.Role == WorkspaceRole.Bot, cancellationToken)
            ?? throw new NotFoundException("There is no such bot.");
        var hook = await db.OutgoingWebhooks.SingleOrDefaultAsync(h => h.BotId == bot.Id, cancellationToken);
        if (command.Address is not { } address)
        {
            if (hook is null)
                return null;
            db.OutgoingWebhooks.Remove(hook);
            audit.Add(actor, AuditActions.OutgoingWebhookRemoved, bot.NameAndHandle, hook.Url);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        if (hook is null)
            db.OutgoingWebhooks.Add(hook = new OutgoingWebhook(bot.Id, address, clock.GetUtcNow()));
        else
            hook.Change(address, clock.GetUtcNow());
        audit.Add(actor, AuditActions.OutgoingWebhookSet, bot.NameAndHandle, hook.Url);
        await db.SaveChangesAsync(cancellationToken);
        return hook.Secret;
    }
}
