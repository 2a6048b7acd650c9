using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Members;

public sealed class InviteAdministrationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task CreateInvite_WhenItNamesAnAddressAndRole_OnlyThatAddressJoinsWithThatRole(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var invite = await workspace.Send.Send(new CreateInvite(workspace.OwnerId, " Ada@Example.com ", WorkspaceRole.Admin), Cancel);

        var status = await workspace.Send.Send(new GetInvite(invite.Token), Cancel);
        var wrong = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new AcceptInvite(invite.Token, "Eve", "eve@example.com", "member-password"), Cancel));
        var ada = await workspace.Send.Send(new AcceptInvite(invite.Token, "Ada", "ada@example.com", "member-password"), Cancel);

        Assert.Equal(("Ada@Example.com", (string?)null), (status.Email, status.Problem));
        Assert.Equal("This invite is for Ada@Example.com.", wrong.Message);
        Assert.Equal(WorkspaceRole.Admin, (await workspace.Send.Send(new GetMember(ada), Cancel)).Role);
        Assert.Equal(2, await workspace.QueryDbAsync(db => db.Users.CountAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task CreateInvite_WhenInputIsBad_SaysWhatAndStoresNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var secret = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "secret", IsPrivate: true), Cancel);

        var guestWithoutChannels = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await workspace.Send.Send(new CreateInvite(workspace.OwnerId, Role: WorkspaceRole.Guest), Cancel));
        var owner = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await workspace.Send.Send(new CreateInvite(workspace.OwnerId, "not an address", WorkspaceRole.Owner), Cancel));
        var taken = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new CreateInvite(workspace.OwnerId, "OWNER@example.com"), Cancel));
        var unknownChannel = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new CreateInvite(workspace.OwnerId, Role: WorkspaceRole.Guest, ChannelIds: [secret.Id, Guid.NewGuid()]), Cancel));

        Assert.Equal("Choose at least one channel for a guest.", guestWithoutChannels.Message);
        Assert.Equal(["Enter a valid email address.", "Invite people as members, guests or admins."], owner.Errors);
        Assert.Equal("Someone with this email address is already in the workspace.", taken.Message);
        Assert.Equal("Invites can only name channels that exist and are not archived.", unknownChannel.Message);
        Assert.Equal(0, await workspace.QueryDbAsync(db => db.Invites.CountAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task RevokeInvite_WhenAdminRevokes_TheLinkFailsWithAClearMessage(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var kept = await workspace.Send.Send(new CreateInvite(workspace.OwnerId, "kept@example.com"), Cancel);
        var revoked = await workspace.Send.Send(new CreateInvite(workspace.OwnerId, "gone@example.com"), Cancel);

        await workspace.Send.Send(new RevokeInvite(workspace.OwnerId, revoked.Id), Cancel);

        Assert.Equal(Invite.Revoked, (await workspace.Send.Send(new GetInvite(revoked.Token), Cancel)).Problem);
        var join = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new AcceptInvite(revoked.Token, "Gone", "gone@example.com", "member-password"), Cancel));
        Assert.Equal("This invite link has been revoked. Ask an admin for a new one.", join.Message);
        Assert.Equal(["kept@example.com"], (await workspace.Send.Send(new GetInvites(workspace.OwnerId), Cancel)).Select(i => i.Email));
        var twice = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new RevokeInvite(workspace.OwnerId, revoked.Id), Cancel));
        Assert.Equal("This invite has already been revoked.", twice.Message);
        Assert.Equal(1, await workspace.QueryDbAsync(db => db.Users.CountAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task RevokeInvite_WhenTheLinkWasUsedOrAMemberAsks_IsRefused(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var invite = await workspace.Send.Send(new CreateInvite(workspace.OwnerId), Cancel);
        var ann = await workspace.Send.Send(new AcceptInvite(invite.Token, "Ann", "ann@example.com", "member-password"), Cancel);
        var pending = await workspace.Send.Send(new CreateInvite(workspace.OwnerId), Cancel);

        var used = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new RevokeInvite(workspace.OwnerId, invite.Id), Cancel));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await workspace.Send.Send(new RevokeInvite(ann, pending.Id), Cancel));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await workspace.Send.Send(new GetInvites(ann), Cancel));

        Assert.Equal("This invite link has already been used.", used.Message);
        Assert.Null((await workspace.Send.Send(new GetInvite(pending.Token), Cancel)).Problem);
    }
}
