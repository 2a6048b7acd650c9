using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Messages;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Mentions;

/// <summary>Bringing someone into a channel, as the offer after mentioning a non-member does.</summary>
public sealed class AddChannelMemberTests
{
    private const string NotFound = "This channel does not exist or you do not have access to it.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Task<int> MemberCountAsync(TestWorkspace workspace, Guid channelId) =>
        workspace.QueryDbAsync(db => db.Memberships.CountAsync(m => m.ChannelId == channelId, Cancel));

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AddChannelMember_WhenHandleIsANonMember_AddsThemAndTellsTheirSidebar(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        var posted = await workspace.Send.Send(new PostMessage(workspace.OwnerId, random.Id, "@ann.lee can you help?", Guid.NewGuid()), Cancel);
        Assert.Equal(["ann.lee"], posted.NotInChannel);
        using var annsEvents = new EventRecorder(workspace.Events, ChatEvent.UserStream(ann));

        await workspace.Send.Send(new AddChannelMember(workspace.OwnerId, random.Id, " @Ann.Lee "), Cancel);

        Assert.Equal(new MembershipChanged(ann, random.Id, IsMember: true), await annsEvents.WaitForAsync<MembershipChanged>());
        Assert.Equal(["general", "random"], (await workspace.Send.Send(new GetSidebar(ann), Cancel)).Select(c => c.Name));
        Assert.Equal(["Ann Lee", "Olivia Owner"],
            (await workspace.Send.Send(new GetChannelMembers(workspace.OwnerId, random.Id), Cancel)).Select(p => p.DisplayName));
        // From now on a mention reaches them.
        var again = await workspace.Send.Send(new PostMessage(workspace.OwnerId, random.Id, "@ann.lee welcome", Guid.NewGuid()), Cancel);
        Assert.Empty(again.NotInChannel);
        Assert.Equal([ann], again.Message.MentionedUserIds);
        Assert.Equal((1L, 1L), await workspace.BadgeAsync(ann, random.Id));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AddChannelMember_WhenPersonIsAlreadyAMember_ChangesNothingAndPublishesNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        var other = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "other", IsPrivate: false), Cancel);
        await workspace.Send.Send(new AddChannelMember(workspace.OwnerId, random.Id, "ann.lee"), Cancel);
        using var annsEvents = new EventRecorder(workspace.Events, ChatEvent.UserStream(ann));

        await workspace.Send.Send(new AddChannelMember(workspace.OwnerId, random.Id, "ann.lee"), Cancel);
        await workspace.Send.Send(new AddChannelMember(ann, random.Id, "olivia.owner"), Cancel);
        // Events reach a subscriber in publish order: once this one has arrived, any from the repeats would have too.
        await workspace.Send.Send(new JoinChannel(ann, other.Id), Cancel);
        await annsEvents.WaitForAsync<MembershipChanged>(e => e.ChannelId == other.Id);

        Assert.Equal([new MembershipChanged(ann, other.Id, IsMember: true)], annsEvents.Received);
        Assert.Equal(2, await MemberCountAsync(workspace, random.Id));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AddChannelMember_WhenNoOneHasTheHandle_RefusesNamingIt(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);

        var refused = await Assert.ThrowsAsync<NotFoundException>(async () =>
            await workspace.Send.Send(new AddChannelMember(workspace.OwnerId, random.Id, "@Nobody"), Cancel));

        Assert.Equal("No one in this workspace has the handle @nobody.", refused.Message);
        Assert.Equal(1, await MemberCountAsync(workspace, random.Id));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AddChannelMember_InADirectConversation_RefusesAndAddsNoOne(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        await workspace.AddMemberAsync("Ann Lee");
        await workspace.AddMemberAsync("Cy Third");
        var conversation = await workspace.Send.Send(new OpenDirectConversation(workspace.OwnerId, ["ann.lee"]), Cancel);

        var refused = await Outcomes.OfAsync(async () =>
            await workspace.Send.Send(new AddChannelMember(workspace.OwnerId, conversation.Id, "cy.third"), Cancel));

        Assert.Equal("DomainException: People can't be added to a direct conversation; start a new one with them.", refused);
        Assert.Equal(2, await MemberCountAsync(workspace, conversation.Id));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AddChannelMember_ByANonMember_IsRefusedAsIfThePrivateChannelDidNotExist(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var ben = await workspace.AddMemberAsync("Ben Day");
        var secret = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "secret", IsPrivate: true), Cancel);
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        var conversation = await workspace.Send.Send(new OpenDirectConversation(workspace.OwnerId, ["ben.day"]), Cancel);

        var intoSecret = await Outcomes.OfAsync(async () => await workspace.Send.Send(new AddChannelMember(ann, secret.Id, "ben.day"), Cancel));
        var intoOthersConversation = await Outcomes.OfAsync(async () => await workspace.Send.Send(new AddChannelMember(ann, conversation.Id, "ann.lee"), Cancel));
        var intoNowhere = await Outcomes.OfAsync(async () => await workspace.Send.Send(new AddChannelMember(ann, Guid.NewGuid(), "ben.day"), Cancel));
        var intoPublicNotJoined = await Outcomes.OfAsync(async () => await workspace.Send.Send(new AddChannelMember(ann, random.Id, "ben.day"), Cancel));

        Assert.Equal($"NotFoundException: {NotFound}", intoSecret);
        Assert.Equal(intoSecret, intoOthersConversation);
        Assert.Equal(intoSecret, intoNowhere);
        Assert.Equal("ForbiddenException: Join #random first.", intoPublicNotJoined);
        Assert.Equal((1, 1, 2), (await MemberCountAsync(workspace, secret.Id), await MemberCountAsync(workspace, random.Id),
            await MemberCountAsync(workspace, conversation.Id)));
        Assert.DoesNotContain(await workspace.Send.Send(new GetSidebar(ben), Cancel), c => c.Id == secret.Id);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AddChannelMember_ByAMemberOfAPrivateChannel_LetsThePersonIn(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var ben = await workspace.AddMemberAsync("Ben Day");
        var secret = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "secret", IsPrivate: true), Cancel);
        await workspace.Send.Send(new AddChannelMember(workspace.OwnerId, secret.Id, "ann.lee"), Cancel);

        await workspace.Send.Send(new AddChannelMember(ann, secret.Id, "ben.day"), Cancel);

        Assert.Equal(["Ann Lee", "Ben Day", "Olivia Owner"],
            (await workspace.Send.Send(new GetChannelMembers(ben, secret.Id), Cancel)).Select(p => p.DisplayName));
        Assert.Contains(await workspace.Send.Send(new GetSidebar(ben), Cancel), c => c.Id == secret.Id);
    }
}
