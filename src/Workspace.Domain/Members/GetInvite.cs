using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Members;

/// <summary>
/// What the invite page shows before anyone signs up: the workspace, the address the link is for if any, or why
/// the link is no good.
/// </summary>
public sealed record GetInvite(string Token) : IQuery<InviteStatus>;

public sealed record InviteStatus(string WorkspaceName, string? Problem, string? Email = null, string Description = "");

public sealed class GetInviteHandler(WorkspaceDb db, TimeProvider clock) : IQueryHandler<GetInvite, InviteStatus>
{
    public const string UnknownLink = "This invite link is not valid. Ask an admin for a new one.";

    public async ValueTask<InviteStatus> Handle(GetInvite query, CancellationToken cancellationToken)
    {
        var workspace = await db.Settings.Select(s => new { s.Name, s.Description }).SingleOrDefaultAsync(cancellationToken);
        var name = workspace?.Name ?? "Workspace";
        var hash = Tokens.Hash(query.Token);
        var invite = await db.Invites.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invite is null)
            return new InviteStatus(name, UnknownLink);
        var problem = invite.Problem(clock.GetUtcNow());
        return new InviteStatus(name, problem, problem is null ? invite.Email : null, workspace?.Description ?? "");
    }
}
