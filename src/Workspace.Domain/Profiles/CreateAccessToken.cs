using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Profiles;

/// <summary>A person makes a token for the API. The token is returned this once; only its hash is stored.</summary>
public sealed record CreateAccessToken(Guid ActorId, string Name) : ICommand<CreatedAccessToken>, IActorRequest;

public sealed record CreatedAccessToken(Guid Id, string Name, string Token);

public sealed class CreateAccessTokenValidator : AbstractValidator<CreateAccessToken>
{
    public CreateAccessTokenValidator() =>
        RuleFor(c => c.Name)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Name the token, so you know later what uses it.")
            .MaximumLength(AccessToken.MaxNameLength).WithMessage($"Token names are at most {AccessToken.MaxNameLength} characters.");
}

public sealed class CreateAccessTokenHandler(WorkspaceDb db, AuditLog audit, TimeProvider clock)
    : ICommandHandler<CreateAccessToken, CreatedAccessToken>
{
    public const int MaxLiveTokens = 25;

    public async ValueTask<CreatedAccessToken> Handle(CreateAccessToken command, CancellationToken cancellationToken)
    {
        var me = await db.ActorAsync(command.ActorId, cancellationToken);
        if (await db.AccessTokens.CountAsync(t => t.UserId == me.Id && t.RevokedAt == null, cancellationToken) >= MaxLiveTokens)
            throw new DomainException($"You can have at most {MaxLiveTokens} tokens; revoke one you no longer use first.");
        var secret = AccessToken.Prefix + Tokens.New();
        var token = new AccessToken(me.Id, command.Name, Tokens.Hash(secret), clock.GetUtcNow());
        db.AccessTokens.Add(token);
        audit.Add(me, AuditActions.TokenCreated, token.Name);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedAccessToken(token.Id, token.Name, secret);
    }
}
