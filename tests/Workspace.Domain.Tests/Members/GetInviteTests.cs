using Microsoft.Extensions.Time.Testing;
using Workspace.Domain.Members;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Members;

public sealed class GetInviteTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetInvite_WhenLinkIsFresh_ShowsWorkspaceNameAndNoProblem(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var invite = await workspace.Send.Send(new CreateInvite(workspace.OwnerId), Cancel);

        Assert.Equal(new InviteStatus("Acme", null), await workspace.Send.Send(new GetInvite(invite.Token), Cancel));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetInvite_WhenLinkIsUnknownUsedOrExpired_ReportsWhy(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);
        var used = await workspace.Send.Send(new CreateInvite(workspace.OwnerId), Cancel);
        await workspace.Send.Send(new AcceptInvite(used.Token, "Ann", "ann@example.com", "password-1"), Cancel);
        var expiring = await workspace.Send.Send(new CreateInvite(workspace.OwnerId), Cancel);

        Assert.Equal(new InviteStatus("Acme", "This invite link is not valid. Ask an admin for a new one."),
            await workspace.Send.Send(new GetInvite("no-such-token"), Cancel));
        Assert.Equal(new InviteStatus("Acme", "This invite link is not valid. Ask an admin for a new one."),
            await workspace.Send.Send(new GetInvite(""), Cancel));
        Assert.Equal(new InviteStatus("Acme", "This invite link has already been used."),
            await workspace.Send.Send(new GetInvite(used.Token), Cancel));

        clock.Advance(Invite.DefaultLifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(new InviteStatus("Acme", null), await workspace.Send.Send(new GetInvite(expiring.Token), Cancel));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new InviteStatus("Acme", "This invite link has expired. Ask an admin for a new one."),
            await workspace.Send.Send(new GetInvite(expiring.Token), Cancel));
    }
}
