using System.Diagnostics;
using Mediator;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Integrations;
using Workspace.Domain.Members;
using Workspace.Domain.Mentions;
using Workspace.Domain.Messages;
using Workspace.Domain.Profiles;
using Workspace.Domain.Realtime;
using Workspace.Domain.Setup;
using Workspace.Domain.Tests.Support;
using Workspace.Domain.Threads;

namespace Workspace.Domain.Tests.Authorization;

/// <summary>
/// Every command and query, sent by every kind of actor to every kind of channel, gets what the access table's row
/// declares. The expected outcome is worked out here from the row's data and the visibility rules, never by asking
/// the code that enforces them.
/// </summary>
public sealed class AccessMatrixTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void EveryRequest_HasARowThatItsInterfacesCanEnforce_AndASample()
    {
        var requests = typeof(AccessTable).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IMessage).IsAssignableFrom(t)
                && !typeof(INotification).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

        var problems = new List<string>();
        foreach (var request in requests)
        {
            if (!AccessTable.Rules.TryGetValue(request, out var rule))
            {
                problems.Add($"{request.Name} has no row in AccessTable.Rules.");
                continue;
            }
            if (rule.Roles != Roles.Anonymous && !typeof(IActorRequest).IsAssignableFrom(request))
                problems.Add($"{request.Name} needs a signed-in actor but does not implement IActorRequest.");
            if (rule.Channel != ChannelNeed.None && !NamesAChannel(request))
                problems.Add($"{request.Name} needs {rule.Channel} access to a channel but names none (IChannelRequest, IChannelNameRequest or IMessageRequest).");
            if (rule.Roles == Roles.Anonymous && !AccessSamples.SignedOut.Contains(request))
                problems.Add($"{request.Name} runs signed out: add it to AccessSamples.SignedOut and to {nameof(SignedOutRequests_WhenNoOneIsSignedIn_Work)}.");
            if (rule.Roles != Roles.Anonymous && !AccessSamples.ForActors.ContainsKey(request))
                problems.Add($"{request.Name} has no sample in AccessSamples.ForActors, so the access matrix does not cover it.");
        }
        problems.AddRange(AccessTable.Rules.Keys.Except(requests).Select(t => $"{t.Name} has a row but is not a request."));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.NotEmpty(requests);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task EveryRequest_ForEveryActorAndChannel_GetsWhatItsRowDeclares(string provider)
    {
        var clock = Stopwatch.StartNew();
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var scenario = await AccessScenario.CreateAsync(workspace);
        var setUp = clock.Elapsed;

        var mismatches = new List<string>();
        var combinations = 0;
        foreach (var (type, sample) in AccessSamples.ForActors.OrderBy(s => s.Key.Name, StringComparer.Ordinal))
            foreach (var actor in Enum.GetValues<ActorState>())
                // A request that names no channel has no channel dimension: one channel stands for all.
                foreach (var channel in AccessTable.Rules[type].Channel == ChannelNeed.None ? scenario.Channels.Take(1) : scenario.Channels)
                {
                    combinations++;
                    var target = TargetFor(scenario, actor, channel);
                    var expected = AccessExpectations.Expect(type, actor, channel, provider);
                    var actual = await OutcomeAsync(scenario, sample, target);
                    if (actual == expected.Outcome && expected.Kind == Expected.NotFound
                        && await OutcomeAsync(scenario, sample, target.Missing()) is var missing && missing != actual)
                        actual += $" (but a request for something missing gets {missing})";
                    if (actual != expected.Outcome)
                        mismatches.Add($"{type.Name} | {actor} | {Describe(type, channel)} | " +
                            $"expected {expected.Kind}: {expected.Outcome} | actual {actual}");
                    if (type == typeof(JoinChannel) || type == typeof(LeaveChannel))
                        await scenario.RestoreMembershipAsync(actor, channel);
                }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{provider}: {combinations} combinations; scenario {setUp.TotalSeconds:F1}s, matrix {(clock.Elapsed - setUp).TotalSeconds:F1}s");
        Assert.True(mismatches.Count == 0,
            $"{mismatches.Count} of {combinations} combinations differ from the access table:{Environment.NewLine}" +
            string.Join(Environment.NewLine, mismatches));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task SignedOutRequests_WhenNoOneIsSignedIn_Work(string provider)
    {
        await using (var fresh = await TestWorkspace.CreateAsync(provider, setUp: false))
            Assert.NotEqual(Guid.Empty, await fresh.Send.Send(new SetUpWorkspace("Acme", "Olivia Owner", "owner@example.com", "owner-password"), Cancel));
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var invite = await workspace.Send.Send(new CreateInvite(workspace.OwnerId), Cancel);
        var ann = await workspace.AddMemberAsync("Ann");
        var reset = await workspace.Send.Send(new CreatePasswordResetLink(workspace.OwnerId, ann), Cancel);
        var token = await workspace.Send.Send(new CreateAccessToken(ann, "ci"), Cancel);

        Assert.True((await workspace.Send.Send(new GetWorkspaceStatus(), Cancel)).IsSetUp);
        Assert.Null((await workspace.Send.Send(new GetInvite(invite.Token), Cancel)).Problem);
        Assert.NotEqual(Guid.Empty, await workspace.Send.Send(new AcceptInvite(invite.Token, "Ben", "ben@example.com", "ben-password"), Cancel));
        await workspace.Send.Send(new ResetPassword(reset.Token, "a-new-password"), Cancel);
        await workspace.Send.Send(new RecordSignInProblem("nobody@example.com", AuditActions.SignInFailed), Cancel);
        Assert.Equal(ann, await workspace.Send.Send(new AuthenticateAccessToken(token.Token), Cancel));
        var hook = await workspace.Send.Send(new CreateIncomingWebhook(workspace.OwnerId, await workspace.GeneralIdAsync(), "CI"), Cancel);
        Assert.NotNull(await workspace.Send.Send(new FindIncomingWebhook(hook.Token), Cancel));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task LeaveChannel_WhenAMemberLeavesAPrivateChannel_TheyGetNothingMoreFromIt(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var secret = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "secret", IsPrivate: true), Cancel);
        var annHandle = await workspace.HandleOfAsync(ann);
        await workspace.Send.Send(new AddChannelMember(workspace.OwnerId, secret.Id, annHandle), Cancel);
        var root = await workspace.PostAsync(workspace.OwnerId, secret.Id, $"@{annHandle} before you leave");
        await workspace.Send.Send(new PostMessage(ann, secret.Id, "a reply", Guid.NewGuid(), ThreadRootSeq: root.Seq), Cancel);
        Assert.Single(await workspace.Send.Send(new GetMentions(ann), Cancel));
        Assert.Single(await workspace.Send.Send(new GetThreads(ann), Cancel));
        using var annEvents = new EventRecorder(workspace.Events, ChatEvent.UserStream(ann));

        await workspace.Send.Send(new LeaveChannel(ann, secret.Id), Cancel);

        Assert.Equal(new MembershipChanged(ann, secret.Id, IsMember: false), await annEvents.WaitForAsync<MembershipChanged>());
        var missingChannel = Guid.NewGuid();
        var missingMessage = Guid.NewGuid();
        (string, Func<Guid, Guid, Task>)[] attempts =
        [
            ("latest messages", (c, _) => workspace.Send.Send(new GetChannelMessages(ann, c), Cancel).AsTask()),
            ("permalink", (c, _) => workspace.Send.Send(new GetChannelMessages(ann, c, Around: root.Seq), Cancel).AsTask()),
            ("changes", (c, _) => workspace.Send.Send(new GetChannelChanges(ann, c, AfterChangeSeq: 0), Cancel).AsTask()),
            ("thread", (_, m) => workspace.Send.Send(new GetThread(ann, m), Cancel).AsTask()),
            ("post", (c, _) => workspace.Send.Send(new PostMessage(ann, c, "still here?", Guid.NewGuid()), Cancel).AsTask()),
        ];
        foreach (var (what, attempt) in attempts)
        {
            var refused = await Outcomes.OfAsync(() => attempt(secret.Id, root.Id));
            Assert.Equal((what, await Outcomes.OfAsync(() => attempt(missingChannel, missingMessage))), (what, refused));
            Assert.StartsWith(nameof(NotFoundException), refused);
        }
        Assert.DoesNotContain(await workspace.Send.Send(new GetSidebar(ann), Cancel), c => c.Id == secret.Id);
        Assert.Empty(await workspace.Send.Send(new GetMentions(ann), Cancel));
        Assert.Empty(await workspace.Send.Send(new GetThreads(ann), Cancel));
    }

    private static string Describe(Type request, ScenarioChannel channel) =>
        AccessTable.Rules[request].Channel == ChannelNeed.None
            ? "no channel"
            : $"{channel.Kind} | {channel.Belonging} | {(channel.Archived ? "archived" : "open")}";

    private static AccessTarget TargetFor(AccessScenario scenario, ActorState actor, ScenarioChannel channel)
    {
        var messages = channel.Messages[actor];
        return new AccessTarget(scenario, scenario.ActorId(actor), channel.Id, channel.Name, messages.Root, messages.RootSeq, messages.Doomed);
    }

    /// <summary>"allowed", or the refusal's type and message; anything else that escapes is an outcome too.</summary>
    private static async Task<string> OutcomeAsync(AccessScenario scenario, Func<AccessTarget, Task<IMessage>> sample, AccessTarget target)
    {
        try
        {
            var request = await sample(target);
            return await Outcomes.OfAsync(() => AccessSamples.SendAsync(scenario.Workspace.Send, request));
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static bool NamesAChannel(Type request) =>
        typeof(IChannelRequest).IsAssignableFrom(request) || typeof(IChannelNameRequest).IsAssignableFrom(request)
        || typeof(IMessageRequest).IsAssignableFrom(request);
}
