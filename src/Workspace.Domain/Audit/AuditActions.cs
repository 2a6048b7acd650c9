namespace Workspace.Domain.Audit;

/// <summary>What the audit log records, as stable names the log can be filtered by.</summary>
public static class AuditActions
{
    public const string SignInFailed = "sign-in.failed";
    public const string LockedOut = "sign-in.locked-out";
    public const string SignInRefused = "sign-in.deactivated";
    public const string WorkspaceUpdated = "workspace.updated";
    public const string WorkspaceBackedUp = "workspace.backed-up";
    public const string InviteCreated = "invite.created";
    public const string InviteRevoked = "invite.revoked";
    public const string InviteAccepted = "invite.accepted";
    public const string RoleChanged = "member.role-changed";
    public const string MemberDeactivated = "member.deactivated";
    public const string MemberReactivated = "member.reactivated";
    public const string PasswordResetCreated = "member.password-reset-link";
    public const string PasswordReset = "member.password-reset";
    public const string PasswordChanged = "member.password-changed";
    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";
    public const string ChannelRenamed = "channel.renamed";
    public const string ChannelArchived = "channel.archived";
    public const string ChannelUnarchived = "channel.unarchived";
    public const string ChannelMadePrivate = "channel.made-private";
    public const string ChannelDeleted = "channel.deleted";
    public const string ChannelMemberAdded = "channel.member-added";
    public const string ChannelMemberRemoved = "channel.member-removed";
    public const string WebhookCreated = "webhook.created";
    public const string BotCreated = "bot.created";
    public const string WebhookRevoked = "webhook.revoked";
    public const string BotAvatarChanged = "bot.avatar-changed";
    public const string OutgoingWebhookSet = "bot.outgoing-url-set";
    public const string OutgoingWebhookRemoved = "bot.outgoing-url-removed";

    public static readonly IReadOnlyList<string> All =
    [
        SignInFailed, LockedOut, SignInRefused, WorkspaceUpdated, WorkspaceBackedUp, InviteCreated, InviteRevoked, InviteAccepted,
        RoleChanged, MemberDeactivated, MemberReactivated, PasswordResetCreated, PasswordReset, PasswordChanged,
        TokenCreated, TokenRevoked, ChannelRenamed, ChannelArchived, ChannelUnarchived, ChannelMadePrivate,
        ChannelDeleted, ChannelMemberAdded, ChannelMemberRemoved, WebhookCreated, WebhookRevoked, BotCreated,
        BotAvatarChanged, OutgoingWebhookSet, OutgoingWebhookRemoved,
    ];
}
