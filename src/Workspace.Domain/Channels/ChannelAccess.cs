using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Channels;

/// <summary>
/// Who may see a channel: anyone in the workspace but guests for a public one, only members for a private one, a
/// direct conversation, or anything a guest looks at. Every other path (by id, by name, by permalink) goes through here, and a refusal reads exactly like "no such channel".
/// Channels and memberships are found by key (or by name among those already loaded): a command's access check and
/// its handler ask for the same ones, and the second asking is answered from the context without a query; a channel
/// not yet loaded comes with the actor's membership in one query. The queries are compiled, as for the actor
/// (<see cref="Actors.FindUserAsync"/>): every command runs them.
/// </summary>
internal static class ChannelAccess
{
    public const string NotFound = "This channel does not exist or you do not have access to it.";

    public static async Task<(Channel Channel, Membership? Membership)> FindVisibleAsync(this WorkspaceDb db,
        Guid actorId, Guid channelId, CancellationToken cancellationToken)
    {
        if (db.Tracked<Channel>().FindEntry(channelId)?.Entity is { } tracked)
            return await VisibleOrThrowAsync(db, actorId, tracked, cancellationToken);
        var found = await ChannelById.For(db)(db, channelId, actorId, cancellationToken);
        return await VisibleOrThrowAsync(db, actorId, found?.Channel, found?.Membership, cancellationToken);
    }

    public static async Task<(Channel Channel, Membership? Membership)> FindVisibleByNameAsync(this WorkspaceDb db,
        Guid actorId, string name, CancellationToken cancellationToken)
    {
        if (db.Tracked<Channel>().FirstOrDefault(c => c.Name == name) is { } tracked)
            return await VisibleOrThrowAsync(db, actorId, tracked, cancellationToken);
        var found = await ChannelByName.For(db)(db, name, actorId, cancellationToken);
        return await VisibleOrThrowAsync(db, actorId, found?.Channel, found?.Membership, cancellationToken);
    }

    /// <summary>
    /// Loads the actor, a channel and the actor's membership in it with one query, where an access check that finds
    /// none of them tracked makes two (the actor, then the channel with the membership); the lookups that follow find
    /// them in the context. A command sent from a page runs in a scope of its own, so it finds neither tracked.
    /// </summary>
    public static async Task LoadActorWithChannelAsync(this WorkspaceDb db, Guid actorId, Guid channelId,
        CancellationToken cancellationToken)
    {
        if (db.Tracked<User>().FindEntry(actorId) is null && db.Tracked<Channel>().FindEntry(channelId) is null)
            await ActorWithChannel.For(db)(db, actorId, channelId, cancellationToken);
    }

    /// <summary><see cref="LoadActorWithChannelAsync(WorkspaceDb, Guid, Guid, CancellationToken)"/> for a channel named.</summary>
    public static async Task LoadActorWithChannelAsync(this WorkspaceDb db, Guid actorId, string name,
        CancellationToken cancellationToken)
    {
        if (db.Tracked<User>().FindEntry(actorId) is null && !db.Tracked<Channel>().Any(c => c.Name == name))
            await ActorWithChannelNamed.For(db)(db, actorId, name, cancellationToken);
    }

    /// <summary>The channel and the actor's membership in it; seeing a public channel is not enough here.</summary>
    public static async Task<(Channel Channel, Membership Membership)> FindMembershipAsync(this WorkspaceDb db,
        Guid actorId, Guid channelId, CancellationToken cancellationToken)
    {
        var (channel, membership) = await db.FindVisibleAsync(actorId, channelId, cancellationToken);
        return membership is null
            ? throw new ForbiddenException($"Join #{channel.Name} first.")
            : (channel, membership);
    }

    private static async Task<(Channel, Membership?)> VisibleOrThrowAsync(WorkspaceDb db, Guid actorId, Channel channel,
        CancellationToken cancellationToken)
    {
        var membership = db.Tracked<Membership>().FindEntryUntyped([channel.Id, actorId])?.Entity
            ?? await MembershipByKey.For(db)(db, channel.Id, actorId, cancellationToken);
        return await VisibleOrThrowAsync(db, actorId, channel, membership, cancellationToken);
    }

    private static async Task<(Channel, Membership?)> VisibleOrThrowAsync(WorkspaceDb db, Guid actorId, Channel? channel,
        Membership? membership, CancellationToken cancellationToken)
    {
        if (channel is null)
            throw new NotFoundException(NotFound);
        if (membership is null && (channel.IsMembersOnly || await IsGuestAsync(db, actorId, cancellationToken)))
            throw new NotFoundException(NotFound);
        return (channel, membership);
    }

    private static async Task<bool> IsGuestAsync(WorkspaceDb db, Guid actorId, CancellationToken cancellationToken) =>
        await db.FindUserAsync(actorId, cancellationToken) is { Role: WorkspaceRole.Guest };

    /// <summary>A channel with the actor's membership in it, if any: one round trip where two would do.</summary>
    private sealed record ChannelAndMembership(Channel Channel, Membership? Membership);

    private static readonly PerModel<Func<WorkspaceDb, Guid, Guid, CancellationToken, Task<ChannelAndMembership?>>> ChannelById = new(() =>
        EF.CompileAsyncQuery((WorkspaceDb db, Guid id, Guid userId, CancellationToken _) =>
            (from c in db.Channels
             where c.Id == id
             from m in db.Memberships.Where(m => m.ChannelId == c.Id && m.UserId == userId).DefaultIfEmpty()
             select new ChannelAndMembership(c, m)).FirstOrDefault()));

    private static readonly PerModel<Func<WorkspaceDb, string, Guid, CancellationToken, Task<ChannelAndMembership?>>> ChannelByName = new(() =>
        EF.CompileAsyncQuery((WorkspaceDb db, string name, Guid userId, CancellationToken _) =>
            (from c in db.Channels
             where c.Name == name
             from m in db.Memberships.Where(m => m.ChannelId == c.Id && m.UserId == userId).DefaultIfEmpty()
             select new ChannelAndMembership(c, m)).SingleOrDefault()));

    private sealed record ActorChannelAndMembership(User Actor, Channel? Channel, Membership? Membership);

    private static readonly PerModel<Func<WorkspaceDb, Guid, Guid, CancellationToken, Task<ActorChannelAndMembership?>>> ActorWithChannel = new(() =>
        EF.CompileAsyncQuery((WorkspaceDb db, Guid actorId, Guid channelId, CancellationToken _) =>
            (from u in db.Users
             where u.Id == actorId
             join c in db.Channels on channelId equals c.Id into channels
             from c in channels.DefaultIfEmpty()
             join m in db.Memberships on new { ChannelId = c.Id, UserId = u.Id } equals new { m.ChannelId, m.UserId } into memberships
             from m in memberships.DefaultIfEmpty()
             select new ActorChannelAndMembership(u, c, m)).FirstOrDefault()));

    private static readonly PerModel<Func<WorkspaceDb, Guid, string, CancellationToken, Task<ActorChannelAndMembership?>>> ActorWithChannelNamed = new(() =>
        EF.CompileAsyncQuery((WorkspaceDb db, Guid actorId, string name, CancellationToken _) =>
            (from u in db.Users
             where u.Id == actorId
             join c in db.Channels on name equals c.Name into channels
             from c in channels.DefaultIfEmpty()
             join m in db.Memberships on new { ChannelId = c.Id, UserId = u.Id } equals new { m.ChannelId, m.UserId } into memberships
             from m in memberships.DefaultIfEmpty()
             select new ActorChannelAndMembership(u, c, m)).FirstOrDefault()));

    private static readonly PerModel<Func<WorkspaceDb, Guid, Guid, CancellationToken, Task<Membership?>>> MembershipByKey = new(() =>
        EF.CompileAsyncQuery((WorkspaceDb db, Guid channelId, Guid userId, CancellationToken _) =>
            db.Memberships.FirstOrDefault(m => m.ChannelId == channelId && m.UserId == userId)));
}
