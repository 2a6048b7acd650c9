using Workspace.Domain.Members;

namespace Workspace.Domain.Integrations;

internal static class Bots
{
    /// <summary>
    /// A bot account: it signs in nowhere (no password, an address that can never receive mail) and acts only through
    /// tokens and webhooks. Runs inside the caller's transaction.
    /// </summary>
    public static Task<User> CreateBotAsync(this NewMembers members, string name, CancellationToken cancellationToken) =>
        members.CreateAsync(name, $"{Guid.NewGuid():N}@bots.invalid", password: null, WorkspaceRole.Bot, cancellationToken);
}
