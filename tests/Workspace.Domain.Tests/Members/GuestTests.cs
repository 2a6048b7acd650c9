using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Members;
using Workspace.Domain.Messages;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Members;

public sealed class GuestTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task Guest_SeesOnlyItsChannelsAndThePeopleInThem(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var clients = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "clients", IsPrivate: false), Cancel);
        var general = await workspace.GeneralIdAsync();
        var ann = await workspace.AddMemberAsync("Ann");
        var gus = await workspace.InviteAsync("Gus", WorkspaceRole.Guest, clients.Id);
        await workspace.PostAsync(workspace.OwnerId, general, "members only talk");

        Assert.Equal(["clients"], (await workspace.Send.Send(new GetSidebar(gus), Cancel)).Select(c => c.Name));
        var open = await Assert.ThrowsAsync<NotFoundException>(async () => await workspace.Send.Send(new OpenChannel(gus, "general"), Cancel));
        var history = await Assert.ThrowsAsync<NotFoundException>(async () =>
            await workspace.Send.Send(new GetChannelMessages(gus, general), Cancel));
        var join = await Assert.ThrowsAsync<ForbiddenException>(async () => await workspace.Send.Send(new JoinChannel(gus, general), Cancel));
        var browse = await Assert.ThrowsAsync<ForbiddenException>(async () => await workspace.Send.Send(new BrowseChannels(gus), Cancel));
        var create = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new CreateChannel(gus, "guest-room", IsPrivate: false), Cancel));
        var stranger = await Assert.ThrowsAsync<NotFoundException>(async () =>
            await workspace.Send.Send(new OpenDirectConversation(gus, ["ann"]), Cancel));

        Assert.Equal(ChannelAccess.NotFound, open.Message);
        Assert.Equal(ChannelAccess.NotFound, history.Message);
        Assert.Equal("Guests can only use the channels they were added to.", join.Message);
        Assert.Equal(join.Message, browse.Message);
        Assert.Equal("Guests cannot create channels.", create.Message);
        Assert.Equal("No one in this workspace has the handle @ann.", stranger.Message);
        Assert.Equal(["Olivia Owner"], (await workspace.Send.Send(new GetPeople(gus), Cancel)).Select(p => p.DisplayName));
        Assert.Contains((await workspace.Send.Send(new GetPeople(ann), Cancel)), p => p.Id == gus);
        Assert.False((await workspace.Send.Send(new GetMember(gus), Cancel)).CanCreateChannels);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task Guest_WorksNormallyInItsChannelAndWithItsPeople(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var clients = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "clients", IsPrivate: true), Cancel);
        var gus = await workspace.InviteAsync("Gus", WorkspaceRole.Guest, clients.Id);

        var posted = await workspace.PostAsync(gus, clients.Id, "hello from outside");
        var dm = await workspace.Send.Send(new OpenDirectConversation(gus, ["olivia.owner"]), Cancel);
        await workspace.PostAsync(gus, dm.Id, "a private word");

        Assert.Equal(["hello from outside"], (await workspace.Send.Send(new GetChannelMessages(workspace.OwnerId, clients.Id), Cancel))
            .Messages.Select(m => m.Text));
        Assert.Equal(posted.Id, (await workspace.Send.Send(new GetChannelMessages(gus, clients.Id), Cancel)).Messages.Single().Id);
        Assert.Equal([dm.Name, "clients"], (await workspace.Send.Send(new GetSidebar(gus), Cancel)).Select(c => c.Name));
    }
}
