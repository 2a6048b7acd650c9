using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Members;

public sealed class CreateInviteTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task CreateInvite_WhenOwnerAsks_ReturnsTokenThatIsStoredOnlyAsItsHash(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);

        var invite = await workspace.Send.Send(new CreateInvite(workspace.OwnerId), Cancel);

        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromDays(7), invite.ExpiresAt);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", invite.Token);
        var stored = await workspace.QueryDbAsync(db => db.Invites.SingleAsync(Cancel));
        Assert.Equal(Tokens.Hash(invite.Token), stored.TokenHash);
        Assert.NotEqual(invite.Token, stored.TokenHash);
        Assert.Equal((workspace.OwnerId, (DateTimeOffset?)null), (stored.CreatedById, stored.UsedAt));
        Assert.NotEqual(invite.Token, (await workspace.Send.Send(new CreateInvite(workspace.OwnerId), Cancel)).Token);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task CreateInvite_WhenMemberAsks_IsForbiddenAndStoresNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");

        var refused = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new CreateInvite(ann), Cancel));

        Assert.Equal("Only admins can invite people.", refused.Message);
        Assert.Equal(1, await workspace.QueryDbAsync(db => db.Invites.CountAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task CreateInvite_WhenActorIsUnknown_AsksToSignIn(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new CreateInvite(Guid.NewGuid()), Cancel));

        Assert.Equal("Sign in to continue.", refused.Message);
        Assert.Equal(0, await workspace.QueryDbAsync(db => db.Invites.CountAsync(Cancel)));
    }
}
