using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Members;

public sealed class GetMemberTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetMember_WhenKnown_ReturnsNameHandleAndRole(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");

        var owner = await workspace.Send.Send(new GetMember(workspace.OwnerId), Cancel);
        var member = await workspace.Send.Send(new GetMember(ann), Cancel);

        Assert.Equal(new MemberView(workspace.OwnerId, "Olivia Owner", "olivia.owner", WorkspaceRole.Owner, CanCreateChannels: true), owner);
        Assert.Equal(new MemberView(ann, "Ann Lee", "ann.lee", WorkspaceRole.Member, CanCreateChannels: true), member);
        Assert.Equal((true, false), (owner.IsAdmin, member.IsAdmin));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetMember_WhenUnknown_AsksToSignIn(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new GetMember(Guid.NewGuid()), Cancel));

        Assert.Equal("Sign in to continue.", refused.Message);
    }
}
