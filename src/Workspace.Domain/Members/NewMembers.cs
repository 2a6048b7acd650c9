using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.EventLog;
using Workspace.Domain.Mentions;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Members;

/// <summary>Creates a person's account and seats them in #general; shared by first-run setup and invites.</summary>
public sealed class NewMembers(WorkspaceDb db, UserManager<User> users, TimeProvider clock)
{
    /// <summary>Runs inside the caller's transaction. A null <paramref name="password"/> makes an account that cannot sign in (a bot).</summary>
    public async Task<User> CreateAsync(string name, string email, string? password, WorkspaceRole role,
        CancellationToken cancellationToken)
    {
        // People join rarely, so they take turns: holding the settings row's lock makes the email and handle
        // checks below see every account committed before (on PostgreSQL two joins would otherwise both pass them).
        await db.Settings.ExecuteUpdateAsync(set => set.SetProperty(s => s.Name, s => s.Name), cancellationToken);
        if (await users.FindByEmailAsync(email.Trim()) is not null)
            throw new DomainException("Someone with this email address is already in the workspace.");
        var handle = await Handles.FirstFreeAsync(Handles.FromName(name),
            async candidate => MessageMentions.Reserved.Contains(candidate)
                || await db.Users.AnyAsync(u => u.Handle == candidate, cancellationToken));
        var user = new User(name, email, handle, role, clock.GetUtcNow());
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new InvalidInputException(result.Errors.Select(e => e.Description).ToList());
        return user;
    }

    /// <summary>
    /// Seats a newcomer: a guest only in <paramref name="channelIds"/>; anyone else also in #general and the
    /// workspace's default channels. Each starts read, as in every chat tool.
    /// </summary>
    public async Task JoinFirstChannelsAsync(User user, IReadOnlyList<Guid> channelIds, CancellationToken cancellationToken)
    {
        var ids = channelIds.ToList();
        if (!user.IsGuest)
            ids.AddRange(await db.Settings.Select(s => s.DefaultChannelIds).SingleAsync(cancellationToken));
        var channels = await db.Channels
            .Where(c => (ids.Contains(c.Id) && c.Kind != ChannelKind.Direct && !c.IsArchived)
                || (!user.IsGuest && c.Name == Channel.General))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var channel in channels)
        {
            db.Memberships.Add(new Membership(channel.Id, user.Id, channel.LastSeq, now));
            db.Log(LoggedEvent.Membership(user.Id, channel.Id, isMember: true, now));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
