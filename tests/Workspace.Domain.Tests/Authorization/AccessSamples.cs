using System.Reflection;
using Mediator;
using Workspace.Domain.Admin;
using Workspace.Domain.Audit;
using Workspace.Domain.Channels;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.EventLog;
using Workspace.Domain.Integrations;
using Workspace.Domain.Members;
using Workspace.Domain.Mentions;
using Workspace.Domain.Messages;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Profiles;
using Workspace.Domain.Reactions;
using Workspace.Domain.Setup;
using Workspace.Domain.Threads;
using Workspace.Domain.Unread;

namespace Workspace.Domain.Tests.Authorization;

/// <summary>What a sample acts on: a channel, and a message in it the actor wrote if it ever could.</summary>
public sealed record AccessTarget(AccessScenario Scenario, Guid ActorId, Guid ChannelId, string ChannelName,
    Guid MessageId, long MessageSeq, Guid DoomedMessageId)
{
    /// <summary>The same actor aiming at a channel and messages that do not exist.</summary>
    public AccessTarget Missing() => this with
    {
        ChannelId = Guid.NewGuid(), ChannelName = "no-such-channel", MessageId = Guid.NewGuid(), DoomedMessageId = Guid.NewGuid(),
    };
}

/// <summary>
/// A valid request of every type that needs a signed-in actor, so that only the access rules can refuse it. Where a
/// handler has a rule of its own the sample avoids it when it can: the actor edits and deletes its own message,
/// renames to the name the channel already has, changes a plain member's role.
/// </summary>
public static class AccessSamples
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The requests anyone may send signed out; <see cref="AccessMatrixTests"/> runs them in a test of their own.</summary>
    public static readonly IReadOnlySet<Type> SignedOut = new HashSet<Type>
    {
        typeof(GetWorkspaceStatus), typeof(SetUpWorkspace), typeof(GetInvite), typeof(AcceptInvite), typeof(ResetPassword),
        typeof(RecordSignInProblem), typeof(AuthenticateAccessToken), typeof(FindIncomingWebhook),
    };

    /// <summary>The smallest PNG there is: one transparent pixel.</summary>
    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static readonly IReadOnlyDictionary<Type, Func<AccessTarget, Task<IMessage>>> ForActors = Catalogue(
        Sample(t => new GetMember(t.ActorId)),
        Sample(t => new GetSidebar(t.ActorId)),
        Sample(t => new GetEvents(t.ActorId, 0)),
        Sample(t => new GetPeople(t.ActorId)),
        Sample(t => new GetMentions(t.ActorId)),
        Sample(t => new GetThreads(t.ActorId)),
        Sample(t => new OpenDirectConversation(t.ActorId, [t.Scenario.HostHandle])),
        Sample(t => new BrowseChannels(t.ActorId)),
        Sample(t => new CreateChannel(t.ActorId, $"made-{Guid.NewGuid():N}", IsPrivate: false)),
        Sample(t => new OpenChannel(t.ActorId, t.ChannelName)),
        Sample(t => new FindChannel(t.ActorId, t.ChannelName)),
        Sample(t => new FindChannelById(t.ActorId, t.ChannelId)),
        Sample(t => new OpenChannelById(t.ActorId, t.ChannelId)),
        Sample(t => new GetChannelMembers(t.ActorId, t.ChannelId)),
        Sample(t => new JoinChannel(t.ActorId, t.ChannelId)),
        Sample(t => new LeaveChannel(t.ActorId, t.ChannelId)),
        // A channel keeps the name it has; a direct conversation's key is no valid name, so it is offered one.
        Sample(t => new RenameChannel(t.ActorId, t.ChannelId, Channel.IsValidName(t.ChannelName) ? t.ChannelName : "renamed")),
        Sample(t => new SetChannelTopic(t.ActorId, t.ChannelId, "Matrix topic")),
        Sample(t => new AddChannelMember(t.ActorId, t.ChannelId, t.Scenario.BystanderHandle)),
        Sample(t => new GetChannelMessages(t.ActorId, t.ChannelId)),
        Sample(t => new GetChannelChanges(t.ActorId, t.ChannelId, AfterChangeSeq: 0)),
        Sample(t => new PostMessage(t.ActorId, t.ChannelId, "posted by the matrix", Guid.NewGuid())),
        Sample(t => new EditMessage(t.ActorId, t.MessageId, $"edited {Guid.NewGuid():N}")),
        Sample(t => new DeleteMessage(t.ActorId, t.DoomedMessageId)),
        Sample(t => new ToggleReaction(t.ActorId, t.MessageId, "👍")),
        Sample(t => new MarkChannelRead(t.ActorId, t.ChannelId, t.MessageSeq)),
        Sample(t => new MarkChannelUnread(t.ActorId, t.ChannelId, t.MessageSeq)),
        Sample(t => new GetThread(t.ActorId, t.MessageId)),
        Sample(t => new FollowThread(t.ActorId, t.MessageId, Follow: true)),
        Sample(t => new MarkThreadRead(t.ActorId, t.MessageId, ReplySeq: 0)),
        Sample(t => new GetWorkspaceSettings(t.ActorId)),
        // The settings as they are: admins may save them, and the other samples see no change.
        Sample(t =>
        {
            var s = t.Scenario.Settings;
            return new UpdateWorkspaceSettings(t.ActorId, s.Name, s.Description, s.DefaultChannelIds, s.ChannelCreation,
                s.BroadcastMentions, s.EditWindowMinutes, s.DeleteWindowMinutes);
        }),
        Sample(t => new SetWorkspaceLogo(t.ActorId, OnePixelPng)),
        // The archive lands under the test workspace's storage path, which goes with it.
        Sample(t => new BackUpWorkspace(t.ActorId)),
        Sample(t => new GetMemberList(t.ActorId)),
        Sample(t => new CreateInvite(t.ActorId)),
        Sample(t => new GetInvites(t.ActorId)),
        SampleAsync(async t => new RevokeInvite(t.ActorId,
            (await t.Scenario.Workspace.Send.Send(new CreateInvite(t.Scenario.Workspace.OwnerId), Cancel)).Id)),
        Sample(t => new ChangeRole(t.ActorId, t.Scenario.SubjectId, WorkspaceRole.Guest)),
        Sample(t => new DeactivateMember(t.ActorId, t.Scenario.DeactivationSubjectId)),
        Sample(t => new ReactivateMember(t.ActorId, t.Scenario.DeactivationSubjectId)),
        Sample(t => new CreatePasswordResetLink(t.ActorId, t.Scenario.SubjectId)),
        Sample(t => new GetAuditLog(t.ActorId)),
        Sample(t => new GetAdminChannels(t.ActorId)),
        Sample(t => new GetAdminChannelMembers(t.ActorId, t.ChannelId)),
        // Admin changes to channels act on a channel of their own, so that the scenario's channels stay as they are.
        SampleAsync(async t => new ArchiveChannel(t.ActorId, (await t.Scenario.FreshChannelAsync()).Id)),
        SampleAsync(async t => new UnarchiveChannel(t.ActorId, (await t.Scenario.FreshChannelAsync()).Id)),
        SampleAsync(async t => new MakeChannelPrivate(t.ActorId, (await t.Scenario.FreshChannelAsync()).Id)),
        SampleAsync(async t =>
        {
            var doomed = await t.Scenario.FreshChannelAsync();
            return new DeleteChannel(t.ActorId, doomed.Id, doomed.Name);
        }),
        SampleAsync(async t => new AdminAddChannelMember(t.ActorId, (await t.Scenario.FreshChannelAsync()).Id, t.Scenario.BystanderHandle)),
        SampleAsync(async t => new RemoveChannelMember(t.ActorId, (await t.Scenario.FreshChannelAsync()).Id, t.Scenario.HostId)),
        SampleAsync(async t => new CreateIncomingWebhook(t.ActorId, (await t.Scenario.FreshChannelAsync()).Id, "Matrix hook")),
        Sample(t => new GetIncomingWebhooks(t.ActorId)),
        Sample(t => new CreateBot(t.ActorId, "Matrix bot")),
        SampleAsync(async t => new CreateBotToken(t.ActorId, await t.Scenario.Workspace.Send.Send(
            new CreateBot(t.Scenario.Workspace.OwnerId, "Token bot"), Cancel))),
        Sample(t => new GetBots(t.ActorId)),
        SampleAsync(async t => new SetBotAvatar(t.ActorId, await t.Scenario.Workspace.Send.Send(
            new CreateBot(t.Scenario.Workspace.OwnerId, "Picture bot"), Cancel), OnePixelPng)),
        SampleAsync(async t => new SetOutgoingWebhook(t.ActorId, await t.Scenario.Workspace.Send.Send(
            new CreateBot(t.Scenario.Workspace.OwnerId, "Hook bot"), Cancel), "https://example.com/hook")),
        Sample(t => new AllowPrivateNetworkTargets(t.ActorId, Allowed: false)),
        SampleAsync(async t => new RevokeIncomingWebhook(t.ActorId, (await t.Scenario.Workspace.Send.Send(
            new CreateIncomingWebhook(t.Scenario.Workspace.OwnerId, (await t.Scenario.FreshChannelAsync()).Id, "To revoke"), Cancel)).Id)),
        // Profiles: each actor acts on its own, leaving it as it was where it can.
        Sample(t => new GetProfile(t.ActorId, t.Scenario.HostHandle)),
        Sample(t => new GetMyProfile(t.ActorId)),
        SampleAsync(async t =>
        {
            var (name, handle) = await t.Scenario.ProfileOfAsync(t.ActorId);
            return new UpdateProfile(t.ActorId, name, handle, "Europe/London");
        }),
        Sample(t => new SetStatus(t.ActorId, "In the matrix", "", ExpiresAt: null)),
        Sample(t => new ClearStatus(t.ActorId)),
        Sample(t => new SetAvatar(t.ActorId, OnePixelPng)),
        Sample(t => new ChangePassword(t.ActorId, t.Scenario.PasswordOf(t.ActorId), t.Scenario.PasswordOf(t.ActorId))),
        Sample(t => new CreateAccessToken(t.ActorId, $"matrix {Guid.NewGuid():N}")),
        Sample(t => new GetAccessTokens(t.ActorId)),
        SampleAsync(async t => new RevokeAccessToken(t.ActorId, await t.Scenario.TokenOfAsync(t.ActorId))));


    private static readonly MethodInfo SendCommand = SendFor(typeof(ICommand<>));
    private static readonly MethodInfo SendQuery = SendFor(typeof(IQuery<>));

    /// <summary>Sends any command or query through the app's <see cref="Sender"/>, discarding the answer.</summary>
    public static Task SendAsync(Sender sender, IMessage request)
    {
        var answers = request.GetType().GetInterfaces().Single(i => i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(ICommand<>) || i.GetGenericTypeDefinition() == typeof(IQuery<>)));
        var send = (answers.GetGenericTypeDefinition() == typeof(ICommand<>) ? SendCommand : SendQuery)
            .MakeGenericMethod(answers.GetGenericArguments());
        var pending = send.Invoke(sender, [request, Cancel])!;
        return (Task)pending.GetType().GetMethod(nameof(ValueTask.AsTask))!.Invoke(pending, null)!;
    }

    private static MethodInfo SendFor(Type request) => typeof(Sender).GetMethods()
        .Single(m => m.Name == nameof(Sender.Send) && m.GetParameters().Length == 2
            && m.GetParameters()[0].ParameterType.GetGenericTypeDefinition() == request);

    private static KeyValuePair<Type, Func<AccessTarget, Task<IMessage>>> Sample<T>(Func<AccessTarget, T> build)
        where T : IMessage => new(typeof(T), t => Task.FromResult<IMessage>(build(t)));

    private static KeyValuePair<Type, Func<AccessTarget, Task<IMessage>>> SampleAsync<T>(Func<AccessTarget, Task<T>> build)
        where T : IMessage => new(typeof(T), async t => await build(t));

    private static Dictionary<Type, Func<AccessTarget, Task<IMessage>>> Catalogue(
        params KeyValuePair<Type, Func<AccessTarget, Task<IMessage>>>[] samples) => new(samples);
}
