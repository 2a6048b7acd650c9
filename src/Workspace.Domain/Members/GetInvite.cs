using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Members;

/// <summary>What the invite page shows before anyone signs up: the workspace's name, or why the link is no good.</summary>
public sealed record GetInvite(string Token) : IQuery<InviteStatus>;

public sealed record InviteStatus(string WorkspaceName, string? Problem);

public sealed class GetInviteHandler(WorkspaceDb db, TimeProvider clock) : IQueryHandler<GetInvite, InviteStatus>
{
    public const string UnknownLink = "This invite link is not valid. Ask an admin for a new one.";

    public async ValueTask<InviteStatus> Handle(GetInvite query, CancellationToken cancellationToken)
    {
        var workspaceName = await db.Settings.Select(s => s.Name).SingleOrDefaultAsync(cancellationToken) ?? "Workspace";
        var hash = Tokens.Hash(query.Token);
        var invite = await db.Invites.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return new InviteStatus(workspaceName, invite is null ? UnknownLink : invite.Problem(clock.GetUtcNow()));
    }
}
