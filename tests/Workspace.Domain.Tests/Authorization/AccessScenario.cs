using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Admin;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Members;
using Workspace.Domain.Profiles;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Authorization;

/// <summary>Who sends a request: signed out (no id), an id no account has, or an account in each role and state.</summary>
public enum ActorState { SignedOut, Unknown, Guest, Member, Admin, Owner, Bot, Deactivated }

/// <summary>Where the actors stand in a channel. A former member joined, posted, then left.</summary>
public enum Belonging { Member, NonMember, Former }

/// <param name="Messages">For each actor, two top-level messages: one that samples read, react to and edit, and one that
/// DeleteMessage may delete. The actor wrote them while it was a member; the host wrote them otherwise.</param>
public sealed record ScenarioChannel(ChannelKind Kind, Belonging Belonging, bool Archived, Guid Id, string Name,
    IReadOnlyDictionary<ActorState, ScenarioMessages> Messages);

public sealed record ScenarioMessages(Guid Root, long RootSeq, Guid Doomed);

/// <summary>
/// One workspace in which every actor state meets every kind of channel in every membership state, archived or not.
/// A host (a plain member, not one of the actors) creates the channels and writes the messages actors could not.
/// The actors' membership is the same in each channel, so samples that change the actor's own membership (join,
/// leave) must put it back (see <see cref="RestoreMembershipAsync"/>) and destructive samples use per-actor objects.
/// </summary>
public sealed class AccessScenario
{
    public static readonly ActorState[] Accounts =
        [ActorState.Guest, ActorState.Member, ActorState.Admin, ActorState.Owner, ActorState.Bot, ActorState.Deactivated];

    private readonly Dictionary<ActorState, Guid> _actors = [];
    private readonly Dictionary<ActorState, string> _handles = [];
    private readonly List<ScenarioChannel> _channels = [];

    private AccessScenario(TestWorkspace workspace) => Workspace = workspace;

    public TestWorkspace Workspace { get; }
    public Guid HostId { get; private set; }
    public string HostHandle { get; private set; } = "";

    /// <summary>Someone in no channel but #general and the lobby, whom AddChannelMember adds.</summary>
    public string BystanderHandle { get; private set; } = "";

    /// <summary>A plain member whose role, password and invites the admin samples change.</summary>
    public Guid SubjectId { get; private set; }

    /// <summary>A plain member DeactivateMember and ReactivateMember act on (kept apart: a reset link needs an active account).</summary>
    public Guid DeactivationSubjectId { get; private set; }

    public WorkspaceSettingsView Settings { get; private set; } = null!;
    public IReadOnlyList<ScenarioChannel> Channels => _channels;

    /// <summary>Guid.Empty for someone signed out, a fresh id for an unknown account.</summary>
    public Guid ActorId(ActorState actor) => actor switch
    {
        ActorState.SignedOut => Guid.Empty,
        ActorState.Unknown => UnknownId,
        _ => _actors[actor],
    };

    private static readonly Guid UnknownId = Guid.NewGuid();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<AccessScenario> CreateAsync(TestWorkspace workspace)
    {
        var scenario = new AccessScenario(workspace);
        await scenario.BuildAsync();
        return scenario;
    }

    private async Task BuildAsync()
    {
        var send = Workspace.Send;
        _actors[ActorState.Owner] = Workspace.OwnerId;
        var lobby = await send.Send(new CreateChannel(Workspace.OwnerId, "lobby", IsPrivate: false), Cancel);
        HostId = await JoinAsync("Hal Host", WorkspaceRole.Member, lobby.Id);
        _actors[ActorState.Guest] = await JoinAsync("Gus Guest", WorkspaceRole.Guest, lobby.Id);
        _actors[ActorState.Member] = await JoinAsync("Mia Member", WorkspaceRole.Member, lobby.Id);
        _actors[ActorState.Admin] = await JoinAsync("Ada Admin", WorkspaceRole.Admin, lobby.Id);
        _actors[ActorState.Bot] = await JoinAsync("Bo Bot", WorkspaceRole.Member, lobby.Id);
        _actors[ActorState.Deactivated] = await JoinAsync("Dee Deactivated", WorkspaceRole.Member, lobby.Id);
        var bystander = await JoinAsync("Bea Bystander", WorkspaceRole.Member, lobby.Id);
        SubjectId = await JoinAsync("Sam Subject", WorkspaceRole.Member, lobby.Id);
        DeactivationSubjectId = await JoinAsync("Dan Subject", WorkspaceRole.Member, lobby.Id);
        HostHandle = await Workspace.HandleOfAsync(HostId);
        BystanderHandle = await Workspace.HandleOfAsync(bystander);
        foreach (var actor in Accounts)
            _handles[actor] = await Workspace.HandleOfAsync(_actors[actor]);

        foreach (var kind in new[] { ChannelKind.Public, ChannelKind.Private })
            foreach (var belonging in Enum.GetValues<Belonging>())
                foreach (var archived in new[] { false, true })
                    await AddChannelAsync(kind, belonging, archived);
        // A direct conversation is never archived and nobody can leave one, so it has no archived or former variant.
        await AddDirectAsync(Belonging.Member, [.. Accounts.Select(a => _handles[a])]);
        await AddDirectAsync(Belonging.NonMember, [BystanderHandle]);

        // Roles and deactivation last: until here these were ordinary members who joined and posted.
        await Workspace.QueryDbAsync(db => db.Users.Where(u => u.Id == _actors[ActorState.Bot])
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.Role, WorkspaceRole.Bot), Cancel));
        await send.Send(new DeactivateMember(Workspace.OwnerId, _actors[ActorState.Deactivated]), Cancel);
        Settings = await send.Send(new GetWorkspaceSettings(Workspace.OwnerId), Cancel);
    }

    private async Task<Guid> JoinAsync(string name, WorkspaceRole role, Guid lobbyId)
    {
        var invite = await Workspace.Send.Send(new CreateInvite(Workspace.OwnerId, Role: role, ChannelIds: [lobbyId]), Cancel);
        var email = $"{Handles.FromName(name)}@example.com";
        return await Workspace.Send.Send(new AcceptInvite(invite.Token, name, email, "member-password"), Cancel);
    }

    private async Task AddChannelAsync(ChannelKind kind, Belonging belonging, bool archived)
    {
        var send = Workspace.Send;
        var name = $"{(kind == ChannelKind.Public ? "pub" : "prv")}-{belonging.ToString().ToLowerInvariant()}-{(archived ? "archived" : "open")}";
        var channel = await send.Send(new CreateChannel(HostId, name, kind == ChannelKind.Private), Cancel);
        var joins = belonging != Belonging.NonMember;
        if (joins)
            foreach (var actor in Accounts)
                await send.Send(new AddChannelMember(HostId, channel.Id, _handles[actor]), Cancel);
        var messages = await PostAsync(channel.Id, joins);
        if (belonging == Belonging.Former)
            foreach (var actor in Accounts)
                await send.Send(new LeaveChannel(_actors[actor], channel.Id), Cancel);
        // Set directly: the archive command is not part of what this scenario tests.
        if (archived)
            await Workspace.QueryDbAsync(db => db.Channels.Where(c => c.Id == channel.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.IsArchived, true), Cancel));
        _channels.Add(new ScenarioChannel(kind, belonging, archived, channel.Id, name, messages));
    }

    private async Task AddDirectAsync(Belonging belonging, string[] handles)
    {
        var conversation = await Workspace.Send.Send(new OpenDirectConversation(HostId, handles), Cancel);
        var messages = await PostAsync(conversation.Id, actorsAreMembers: belonging == Belonging.Member);
        _channels.Add(new ScenarioChannel(ChannelKind.Direct, belonging, Archived: false, conversation.Id, conversation.Name, messages));
    }

    private async Task<Dictionary<ActorState, ScenarioMessages>> PostAsync(Guid channelId, bool actorsAreMembers)
    {
        // Whoever is not signed in is refused before anything is touched, so they can share the host's pair.
        var hosts = await PostPairAsync(HostId, channelId, "host");
        var messages = new Dictionary<ActorState, ScenarioMessages> { [ActorState.SignedOut] = hosts, [ActorState.Unknown] = hosts };
        foreach (var actor in Accounts)
            messages[actor] = await PostPairAsync(actorsAreMembers ? _actors[actor] : HostId, channelId, actor.ToString());
        return messages;
    }

    private async Task<ScenarioMessages> PostPairAsync(Guid authorId, Guid channelId, string whose)
    {
        var root = await Workspace.PostAsync(authorId, channelId, $"for {whose} to read");
        var doomed = await Workspace.PostAsync(authorId, channelId, $"for {whose} to delete");
        return new ScenarioMessages(root.Id, root.Seq, doomed.Id);
    }

    /// <summary>A public channel of the host's with the bystander in it, for a sample that changes or deletes a channel.</summary>
    public async Task<ChannelRef> FreshChannelAsync()
    {
        var channel = await Workspace.Send.Send(new CreateChannel(HostId, $"fresh-{Guid.NewGuid():N}"[..30], IsPrivate: false), Cancel);
        await Workspace.Send.Send(new AddChannelMember(HostId, channel.Id, BystanderHandle), Cancel);
        return channel;
    }

    /// <summary>The actor's name and handle as stored, or made-up ones for someone with no account.</summary>
    public Task<(string Name, string Handle)> ProfileOfAsync(Guid actorId) =>
        Workspace.QueryDbAsync(async db => await db.Users.Where(u => u.Id == actorId)
            .Select(u => new ValueTuple<string, string>(u.DisplayName, u.Handle)).SingleOrDefaultAsync(Cancel) is { Item1: not null } found
            ? found
            : ("Nobody", "nobody"));

    public string PasswordOf(Guid actorId) => actorId == Workspace.OwnerId ? TestWorkspace.OwnerPassword : "member-password";

    /// <summary>A live token of the actor's, stored directly (bots may not make one), or a made-up id for someone with no account.</summary>
    public Task<Guid> TokenOfAsync(Guid actorId) =>
        Workspace.QueryDbAsync(async db =>
        {
            if (!await db.Users.AnyAsync(u => u.Id == actorId, Cancel))
                return Guid.NewGuid();
            var token = new AccessToken(actorId, "to revoke", Tokens.Hash(Tokens.New()), DateTimeOffset.UtcNow);
            db.AccessTokens.Add(token);
            await db.SaveChangesAsync(Cancel);
            return token.Id;
        });

    /// <summary>Puts the actor's membership back to what the channel's scenario says, after a join or a leave.</summary>
    public Task RestoreMembershipAsync(ActorState actor, ScenarioChannel channel) =>
        Workspace.QueryDbAsync(async db =>
        {
            if (!_actors.TryGetValue(actor, out var userId))
                return 0;
            var rows = db.Memberships.Where(m => m.ChannelId == channel.Id && m.UserId == userId);
            var isMember = await rows.AnyAsync(Cancel);
            if (channel.Belonging == Belonging.Member && !isMember)
            {
                db.Memberships.Add(new Membership(channel.Id, userId, lastReadSeq: 0, DateTimeOffset.UtcNow));
                return await db.SaveChangesAsync(Cancel);
            }
            return channel.Belonging != Belonging.Member && isMember ? await rows.ExecuteDeleteAsync(Cancel) : 0;
        });
}
