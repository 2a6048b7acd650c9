using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;
using Workspace.Domain.Profiles;

namespace Workspace.Domain.Integrations;

/// <summary>An admin makes an API token for a bot; it is shown once and stored hashed, like a personal token.</summary>
public sealed record CreateBotToken(Guid ActorId, Guid BotId) : ICommand<CreatedAccessToken>, IActorRequest;

public sealed class CreateBotTokenHandler(WorkspaceDb db, AuditLog audit, TimeProvider clock)
    : ICommandHandler<CreateBotToken, CreatedAccessToken>
{
    public async ValueTask<CreatedAccessToken> Handle(CreateBotToken command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var bot = await db.Users.SingleOrDefaultAsync(u => u.Id == command.BotId && u.Role == WorkspaceRole.Bot, cancellationToken)
            ?? throw new NotFoundException("There is no such bot.");
        if (!bot.IsActive)
            throw new DomainException($"{bot.DisplayName} is deactivated: reactivate it first.");
        var token = AccessToken.Prefix + Tokens.New();
        var now = clock.GetUtcNow();
        var stored = new AccessToken(bot.Id, $"made by {actor.DisplayName} on {now:yyyy-MM-dd}", Tokens.Hash(token), now);
        db.AccessTokens.Add(stored);
        audit.Add(actor, AuditActions.TokenCreated, bot.NameAndHandle, "bot token");
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedAccessToken(stored.Id, stored.Name, token);
    }
}
