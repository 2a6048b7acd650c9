using Workspace.Domain.Persistence;

namespace Workspace.Domain.Members;

internal static class Contacts
{
    /// <summary>
    /// The people the actor can find and start a conversation with: everyone active, except that a guest knows only
    /// the people it shares a channel with.
    /// </summary>
    public static IQueryable<User> PeopleKnownTo(this WorkspaceDb db, User actor)
    {
        var active = db.Users.Where(u => u.DeactivatedAt == null);
        if (!actor.IsGuest)
            return active;
        var channels = db.Memberships.Where(m => m.UserId == actor.Id).Select(m => m.ChannelId);
        return active.Where(u => db.Memberships.Any(m => m.UserId == u.Id && channels.Contains(m.ChannelId)));
    }
}
