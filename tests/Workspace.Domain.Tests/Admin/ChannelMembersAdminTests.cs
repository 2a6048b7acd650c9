using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Admin;
using Workspace.Domain.Audit;
using Workspace.Domain.Channels;
using Workspace.Domain.Mentions;
using Workspace.Domain.Messages;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;
using Workspace.Domain.Tests.Threads;
using Workspace.Domain.Threads;

namespace Workspace.Domain.Tests.Admin;

public sealed class ChannelMembersAdminTests
{
    private const string NotFound = "NotFoundException: This channel does not exist or you do not have access to it.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AdminAddChannelMember_WhenAdminIsNotInThePrivateChannel_AddsThePersonAndTellsThem(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var secret = await workspace.Send.Send(new CreateChannel(ann, "secret", IsPrivate: true), Cancel);
        using var benStream = new EventRecorder(workspace.Events, ChatEvent.UserStream(ben));

        await workspace.Send.Send(new AdminAddChannelMember(workspace.OwnerId, secret.Id, "@Ben"), Cancel);
        await workspace.Send.Send(new AdminAddChannelMember(workspace.OwnerId, secret.Id, "ben"), Cancel);

        Assert.Equal(new MembershipChanged(ben, secret.Id, true), await benStream.WaitForAsync<MembershipChanged>());
        Assert.Equal(["ann", "ben"], (await workspace.Send.Send(new GetAdminChannelMembers(workspace.OwnerId, secret.Id), Cancel)).Select(p => p.Handle));
        Assert.Contains("secret", (await workspace.Send.Send(new GetSidebar(ben), Cancel)).Select(c => c.Name));
        Assert.Equal(NotFound, await Outcomes.OfAsync(async () => await workspace.Send.Send(new OpenChannel(workspace.OwnerId, "secret"), Cancel)));
        var audit = Assert.Single((await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, Action: AuditActions.ChannelMemberAdded), Cancel)).Entries);
        Assert.Equal(("#secret", "@ben"), (audit.Target, audit.Detail));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task RemoveChannelMember_WhenRemovedFromAPrivateChannel_LosesHistoryPermalinksAndChanges(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var secret = await workspace.Send.Send(new CreateChannel(ann, "secret", IsPrivate: true), Cancel);
        await workspace.Send.Send(new AddChannelMember(ann, secret.Id, "ben"), Cancel);
        var root = await workspace.PostAsync(ann, secret.Id, "before @ben");
        await workspace.ReplyAsync(ben, root, "my reply");
        using var benStream = new EventRecorder(workspace.Events, ChatEvent.UserStream(ben));

        await workspace.Send.Send(new RemoveChannelMember(workspace.OwnerId, secret.Id, ben), Cancel);
        await workspace.PostAsync(ann, secret.Id, "after");

        Assert.Equal(new MembershipChanged(ben, secret.Id, false), await benStream.WaitForAsync<MembershipChanged>());
        var outcomes = new List<(string, string)>();
        async Task Check(string useCase, Func<Task> attempt) => outcomes.Add((useCase, await Outcomes.OfAsync(attempt)));
        await Check(nameof(OpenChannel), async () => await workspace.Send.Send(new OpenChannel(ben, "secret"), Cancel));
        await Check(nameof(GetChannelMessages), async () => await workspace.Send.Send(new GetChannelMessages(ben, secret.Id), Cancel));
        await Check("permalink", async () => await workspace.Send.Send(new GetChannelMessages(ben, secret.Id, Around: root.Seq), Cancel));
        await Check(nameof(GetChannelChanges), async () => await workspace.Send.Send(new GetChannelChanges(ben, secret.Id, 0), Cancel));
        await Check(nameof(PostMessage), () => workspace.PostAsync(ben, secret.Id, "let me back"));
        Assert.All(outcomes, o => Assert.Equal((o.Item1, NotFound), o));
        Assert.Equal("NotFoundException: " + Message.NotFound, await Outcomes.OfAsync(() => workspace.ThreadAsync(ben, root)));
        Assert.DoesNotContain(secret.Id, (await workspace.Send.Send(new GetSidebar(ben), Cancel)).Select(c => c.Id));
        Assert.Empty(await workspace.Send.Send(new GetThreads(ben), Cancel));
        Assert.Empty(await workspace.Send.Send(new GetMentions(ben), Cancel));
        var audit = Assert.Single((await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, Action: AuditActions.ChannelMemberRemoved), Cancel)).Entries);
        Assert.Equal(("#secret", "@ben"), (audit.Target, audit.Detail));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task RemoveChannelMember_WhenChannelIsGeneralOrPersonIsNotIn_RefusesWithAReason(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var plans = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "plans", IsPrivate: false), Cancel);
        var general = await workspace.GeneralIdAsync();

        var fromGeneral = await Outcomes.OfAsync(async () => await workspace.Send.Send(new RemoveChannelMember(workspace.OwnerId, general, ann), Cancel));
        var notIn = await Outcomes.OfAsync(async () => await workspace.Send.Send(new RemoveChannelMember(workspace.OwnerId, plans.Id, ann), Cancel));

        Assert.Equal("DomainException: Everyone stays in #general.", fromGeneral);
        Assert.Equal("NotFoundException: That person is not in #plans.", notIn);
        Assert.True(await workspace.QueryDbAsync(db => db.Memberships.AnyAsync(m => m.ChannelId == general && m.UserId == ann, Cancel)));
        Assert.Empty((await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, Action: AuditActions.ChannelMemberRemoved), Cancel)).Entries);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task RemoveChannelMember_WhenRemovedFromAPublicChannel_CanStillReadItAsANonMember(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var plans = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "plans", IsPrivate: false), Cancel);
        await workspace.Send.Send(new JoinChannel(ann, plans.Id), Cancel);
        await workspace.PostAsync(workspace.OwnerId, plans.Id, "public words");

        await workspace.Send.Send(new RemoveChannelMember(workspace.OwnerId, plans.Id, ann), Cancel);

        var opened = await workspace.Send.Send(new OpenChannel(ann, "plans"), Cancel);
        Assert.False(opened.IsMember);
        Assert.Equal(["public words"], (await workspace.Send.Send(new GetChannelMessages(ann, plans.Id), Cancel)).Messages.Select(m => m.Text));
    }
}
