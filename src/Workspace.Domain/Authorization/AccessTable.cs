using Workspace.Domain.Admin;
using Workspace.Domain.Audit;
using Workspace.Domain.Channels;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.EventLog;
using Workspace.Domain.Integrations;
using Workspace.Domain.Members;
using Workspace.Domain.Mentions;
using Workspace.Domain.Messages;
using Workspace.Domain.Profiles;
using Workspace.Domain.Reactions;
using Workspace.Domain.Setup;
using Workspace.Domain.Threads;
using Workspace.Domain.Unread;
using static Workspace.Domain.Authorization.ChannelNeed;

namespace Workspace.Domain.Authorization;

/// <summary>
/// Who may run every command and query: the one table <see cref="AuthorizationBehavior{TMessage,TResponse}"/>
/// enforces before any handler runs. A request type without a row cannot be sent. Rules that depend on the thing
/// itself (your own message, the channel's creator, the workspace's settings) stay with the entity.
/// </summary>
public static class AccessTable
{
    private const string AdminsOnly = "Only admins can do that.";
    private const string NoGuests = "Guests can only use the channels they were added to.";
    private const string NoSignIn = "Bots have tokens made by admins, not passwords or tokens of their own.";

    /// <summary>Everyone who signs in with a password: bots never do.</summary>
    private const Roles PasswordHolders = Roles.People | Roles.Guest;

    public static readonly IReadOnlyDictionary<Type, AccessRule> Rules = new Dictionary<Type, AccessRule>
    {
        // Before anyone is signed in.
        [typeof(GetWorkspaceStatus)] = new(Roles.Anonymous),
        [typeof(SetUpWorkspace)] = new(Roles.Anonymous),
        [typeof(GetInvite)] = new(Roles.Anonymous),
        [typeof(AcceptInvite)] = new(Roles.Anonymous),
        [typeof(ResetPassword)] = new(Roles.Anonymous),
        [typeof(RecordSignInProblem)] = new(Roles.Anonymous),
        [typeof(AuthenticateAccessToken)] = new(Roles.Anonymous),
        [typeof(FindIncomingWebhook)] = new(Roles.Anonymous),

        // The shell.
        [typeof(GetMember)] = new(Roles.Everyone),
        [typeof(GetSidebar)] = new(Roles.Everyone),
        [typeof(GetPeople)] = new(Roles.Everyone),
        [typeof(GetMentions)] = new(Roles.Everyone),
        [typeof(GetThreads)] = new(Roles.Everyone),
        [typeof(OpenDirectConversation)] = new(Roles.Everyone),
        [typeof(GetEvents)] = new(Roles.Everyone),

        // Profiles: everyone acts on their own; a guest's view of others is narrowed by the handler.
        [typeof(GetProfile)] = new(Roles.Everyone),
        [typeof(GetMyProfile)] = new(Roles.Everyone),
        [typeof(UpdateProfile)] = new(Roles.Everyone),
        [typeof(SetStatus)] = new(Roles.Everyone),
        [typeof(ClearStatus)] = new(Roles.Everyone),
        [typeof(SetAvatar)] = new(Roles.Everyone),
        [typeof(ChangePassword)] = new(PasswordHolders, Denied: NoSignIn),
        [typeof(CreateAccessToken)] = new(PasswordHolders, Denied: NoSignIn),
        [typeof(GetAccessTokens)] = new(PasswordHolders, Denied: NoSignIn),
        [typeof(RevokeAccessToken)] = new(PasswordHolders, Denied: NoSignIn),

        // Channels.
        [typeof(BrowseChannels)] = new(Roles.NotGuests, Denied: NoGuests),
        [typeof(CreateChannel)] = new(Roles.NotGuests, Denied: "Guests cannot create channels."),
        [typeof(OpenChannel)] = new(Roles.Everyone, Visible),
        [typeof(FindChannel)] = new(Roles.Everyone, Visible),
        [typeof(FindChannelById)] = new(Roles.Everyone, Visible),
        [typeof(OpenChannelById)] = new(Roles.Everyone, Visible),
        [typeof(GetChannelMembers)] = new(Roles.Everyone, Visible),
        [typeof(JoinChannel)] = new(Roles.NotGuests, Visible, Writes: true, Denied: NoGuests),
        [typeof(LeaveChannel)] = new(Roles.Everyone, Member),
        [typeof(RenameChannel)] = new(Roles.NotGuests, Visible, Writes: true, Denied: AdminsOnly, AdminsManageAnyChannel: true),
        [typeof(SetChannelTopic)] = new(Roles.Everyone, Member, Writes: true),
        [typeof(AddChannelMember)] = new(Roles.NotGuests, Member, Writes: true, Denied: "Guests cannot add people to channels."),

        // Messages.
        [typeof(GetChannelMessages)] = new(Roles.Everyone, Visible),
        [typeof(GetChannelChanges)] = new(Roles.Everyone, Visible),
        [typeof(PostMessage)] = new(Roles.Everyone, Member, Writes: true),
        [typeof(EditMessage)] = new(Roles.Everyone, Member, Writes: true),
        [typeof(DeleteMessage)] = new(Roles.Everyone, Visible, Writes: true),
        [typeof(ToggleReaction)] = new(Roles.Everyone, Member, Writes: true),
        [typeof(MarkChannelRead)] = new(Roles.Everyone, Visible),
        [typeof(MarkChannelUnread)] = new(Roles.Everyone, Member),

        // Threads.
        [typeof(GetThread)] = new(Roles.Everyone, Visible),
        [typeof(FollowThread)] = new(Roles.Everyone, Visible),
        [typeof(MarkThreadRead)] = new(Roles.Everyone, Visible),

        // Administration.
        [typeof(GetWorkspaceSettings)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(UpdateWorkspaceSettings)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(SetWorkspaceLogo)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(BackUpWorkspace)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(GetMemberList)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(CreateInvite)] = new(Roles.Admins, Denied: "Only admins can invite people."),
        [typeof(GetInvites)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(RevokeInvite)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(ChangeRole)] = new(Roles.Admins, Denied: "Only admins can change roles."),
        [typeof(DeactivateMember)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(ReactivateMember)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(CreatePasswordResetLink)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(GetAuditLog)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(GetAdminChannels)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(GetAdminChannelMembers)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(ArchiveChannel)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(UnarchiveChannel)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(MakeChannelPrivate)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(DeleteChannel)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(AdminAddChannelMember)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(RemoveChannelMember)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(CreateIncomingWebhook)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(GetIncomingWebhooks)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(RevokeIncomingWebhook)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(CreateBot)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(CreateBotToken)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(GetBots)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(SetBotAvatar)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(SetOutgoingWebhook)] = new(Roles.Admins, Denied: AdminsOnly),
        [typeof(AllowPrivateNetworkTargets)] = new(Roles.Admins, Denied: AdminsOnly),
    };

    public static AccessRule For(Type requestType) =>
        Rules.TryGetValue(requestType, out var rule)
            ? rule
            : throw new InvalidOperationException($"{requestType.Name} has no row in the access table.");
}
