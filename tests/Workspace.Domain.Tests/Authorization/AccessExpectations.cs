using Workspace.Domain.Admin;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.Messages;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Authorization;

public enum Expected { Allowed, SignIn, Denied, NotFound, JoinFirst, Archived, HandlerRule }

/// <param name="Outcome">As <see cref="Support.Outcomes.OfAsync"/> spells it: "allowed" or "{exception}: {message}".</param>
public sealed record Expectation(Expected Kind, string Outcome);

/// <summary>
/// The specification the matrix checks: a row's declared roles, channel need and whether it writes, plus who can see
/// a channel (anyone but a guest for a public one, only its members otherwise). Worked out from first principles, in
/// the order a person would meet them: signed in, allowed by role, can see the channel, belongs to it, it is open.
/// </summary>
public static class AccessExpectations
{
    public static Expectation Expect(Type request, ActorState actor, ScenarioChannel channel, string provider)
    {
        var rule = AccessTable.Rules[request];
        if (actor is ActorState.SignedOut or ActorState.Unknown or ActorState.Deactivated)
            return new(Expected.SignIn, Forbidden("Sign in to continue."));
        if ((rule.Roles & RoleOf(actor)) == 0)
            return new(Expected.Denied, Forbidden(rule.Denied ?? "You do not have permission to do that."));
        // Only a SQLite workspace can be backed up from the app; PostgreSQL has pg_dump for that.
        if (request == typeof(BackUpWorkspace) && provider == TestWorkspace.Postgres)
            return new(Expected.HandlerRule, $"DomainException: {BackUpWorkspaceHandler.PostgresNotice}");
        if (rule.Channel == ChannelNeed.None)
            return Allowed;
        var isAdmin = actor is ActorState.Admin or ActorState.Owner;
        if (rule.AdminsManageAnyChannel && isAdmin)
            return AdminManages(request, channel);

        var isMember = channel.Belonging == Belonging.Member;
        var canSee = isMember || (channel.Kind == ChannelKind.Public && actor != ActorState.Guest);
        if (!canSee)
            return new(Expected.NotFound, $"NotFoundException: {(typeof(IMessageRequest).IsAssignableFrom(request) ? Message.NotFound : ChannelAccess.NotFound)}");
        if (rule.Channel == ChannelNeed.Member && !isMember)
            return JoinFirst(channel);
        if (rule.Writes && channel.Archived)
            return new(Expected.Archived, $"DomainException: #{channel.Name} is archived.");
        return HandlerRule(request, actor, channel) ?? Allowed;
    }

    private static readonly Expectation Allowed = new(Expected.Allowed, "allowed");

    /// <summary>
    /// An admin managing a channel needs no membership, but the entity still refuses what nobody may do: only
    /// channels are managed (a direct conversation is reached only by its members) and an archived one stays as it is.
    /// </summary>
    private static Expectation AdminManages(Type request, ScenarioChannel channel)
    {
        if (channel.Kind == ChannelKind.Direct)
            return channel.Belonging == Belonging.Member
                ? HandlerRule(request, ActorState.Admin, channel) ?? Allowed
                : new(Expected.NotFound, $"NotFoundException: {ChannelAccess.NotFound}");
        return channel.Archived ? new(Expected.Archived, $"DomainException: #{channel.Name} is archived.") : Allowed;
    }

    /// <summary>
    /// What a handler decides beyond the table once the row allows, where no valid sample avoids it. Each is the
    /// entity's own rule, stated here so that the matrix still covers the combinations around it.
    /// </summary>
    private static Expectation? HandlerRule(Type request, ActorState actor, ScenarioChannel channel)
    {
        var isAdmin = actor is ActorState.Admin or ActorState.Owner;
        if (request == typeof(RenameChannel) && channel.Kind == ChannelKind.Direct)
            return new(Expected.HandlerRule, "DomainException: Direct conversations have no name to change.");
        // The host created every channel: only admins are left who may rename it.
        if (request == typeof(RenameChannel) && !isAdmin)
            return new(Expected.HandlerRule, Forbidden($"Only admins and the person who created #{channel.Name} can rename it."));
        // The row says Visible so that admins can delete in channels they have not joined; everyone else must belong.
        if (request == typeof(DeleteMessage) && !isAdmin && channel.Belonging != Belonging.Member)
            return JoinFirst(channel) with { Kind = Expected.HandlerRule };
        if (request == typeof(AddChannelMember) && channel.Kind == ChannelKind.Direct)
            return new(Expected.HandlerRule, "DomainException: People can't be added to a direct conversation; start a new one with them.");
        if (request == typeof(LeaveChannel) && channel.Kind == ChannelKind.Direct)
            return new(Expected.HandlerRule, "DomainException: You can't leave a direct conversation.");
        return null;
    }

    private static Expectation JoinFirst(ScenarioChannel channel) => new(Expected.JoinFirst, Forbidden($"Join #{channel.Name} first."));

    private static string Forbidden(string message) => $"ForbiddenException: {message}";

    private static Roles RoleOf(ActorState actor) => actor switch
    {
        ActorState.Guest => Roles.Guest,
        ActorState.Member => Roles.Member,
        ActorState.Admin => Roles.Admin,
        ActorState.Owner => Roles.Owner,
        ActorState.Bot => Roles.Bot,
        _ => throw new ArgumentOutOfRangeException(nameof(actor), actor, "Has no account."),
    };
}
