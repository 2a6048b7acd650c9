using Microsoft.AspNetCore.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Pipeline;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Hosting;

/// <summary>
/// The /admin pages. The role is read from the database on every check rather than from the cookie, so a demoted
/// admin loses the pages at once.
/// </summary>
public static class AdminPolicy
{
    public const string Name = "Admin";

    public static AuthorizationPolicy Build() => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .AddRequirements(new AdminRequirement())
        .Build();
}

public sealed class AdminRequirement : IAuthorizationRequirement;

public sealed class AdminRequirementHandler(Sender sender) : AuthorizationHandler<AdminRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminRequirement requirement)
    {
        if (Viewer.IdFrom(context.User) is not { } id)
            return;
        try
        {
            if ((await sender.Send(new GetMember(id))).IsAdmin)
                context.Succeed(requirement);
        }
        catch (DomainException)
        {
            // A deactivated or unknown account is simply not an admin.
        }
    }
}
