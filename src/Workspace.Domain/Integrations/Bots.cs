using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Mentions;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Integrations;

internal static class Bots
{
    /// <summary>
    /// A bot account: it signs in nowhere (no password, an address that can never receive mail) and acts only through
    /// tokens and webhooks. Runs inside the caller's transaction.
    /// </summary>
    public static async Task<User> CreateBotAsync(this WorkspaceDb db, UserManager<User> users, string name, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var handle = await Handles.FirstFreeAsync(Handles.FromName(name),
            async candidate => MessageMentions.Reserved.Contains(candidate)
                || await db.Users.AnyAsync(u => u.Handle == candidate, cancellationToken));
        var bot = new User(name, $"{Guid.NewGuid():N}@bots.invalid", handle, WorkspaceRole.Bot, now);
        var created = await users.CreateAsync(bot);
        if (!created.Succeeded)
            throw new InvalidInputException(created.Errors.Select(e => e.Description).ToList());
        return bot;
    }
}
