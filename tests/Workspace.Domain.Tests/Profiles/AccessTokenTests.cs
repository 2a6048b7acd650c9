using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Workspace.Domain.Audit;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Profiles;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Profiles;

public sealed class AccessTokenTests
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task CreateAccessToken_ReturnsTheTokenOnce_StoresOnlyItsHash_AndAuthenticates(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: new FakeTimeProvider(Noon));
        var ann = await workspace.AddMemberAsync("Ann Lee");

        var created = await workspace.Send.Send(new CreateAccessToken(ann, " deploy script "), Cancel);

        Assert.StartsWith("wsp_", created.Token);
        Assert.True(created.Token.Length > 40);
        var stored = await workspace.QueryDbAsync(db => db.AccessTokens.AsNoTracking().SingleAsync());
        Assert.Equal((Tokens.Hash(created.Token), "deploy script"), (stored.TokenHash, stored.Name));
        Assert.DoesNotContain(created.Token, stored.TokenHash, StringComparison.Ordinal);
        Assert.Equal([new AccessTokenView(created.Id, "deploy script", Noon, null)],
            await workspace.Send.Send(new GetAccessTokens(ann), Cancel));
        Assert.Equal(ann, await workspace.Send.Send(new AuthenticateAccessToken(created.Token), Cancel));
        var audit = await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, AuditActions.TokenCreated), Cancel);
        Assert.Equal(("Ann Lee (@ann.lee)", "deploy script"), (audit.Entries.Single().ActorName, audit.Entries.Single().Target));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetAccessTokens_ListsOnlyOwnLiveTokens_NewestFirst(string provider)
    {
        var clock = new FakeTimeProvider(Noon);
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var first = await workspace.Send.Send(new CreateAccessToken(ann, "first"), Cancel);
        clock.Advance(TimeSpan.FromMinutes(1));
        await workspace.Send.Send(new CreateAccessToken(ann, "second"), Cancel);
        await workspace.Send.Send(new CreateAccessToken(workspace.OwnerId, "owner's"), Cancel);
        clock.Advance(TimeSpan.FromMinutes(1));
        await workspace.Send.Send(new CreateAccessToken(ann, "third"), Cancel);
        await workspace.Send.Send(new RevokeAccessToken(ann, first.Id), Cancel);

        var names = (await workspace.Send.Send(new GetAccessTokens(ann), Cancel)).Select(t => t.Name);

        Assert.Equal(["third", "second"], names);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task RevokeAccessToken_StopsItWorking_AndIsAudited(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var created = await workspace.Send.Send(new CreateAccessToken(ann, "ci"), Cancel);
        Assert.Equal(ann, await workspace.Send.Send(new AuthenticateAccessToken(created.Token), Cancel));

        await workspace.Send.Send(new RevokeAccessToken(ann, created.Id), Cancel);

        Assert.Null(await workspace.Send.Send(new AuthenticateAccessToken(created.Token), Cancel));
        Assert.Empty(await workspace.Send.Send(new GetAccessTokens(ann), Cancel));
        var audit = await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, AuditActions.TokenRevoked), Cancel);
        Assert.Equal("ci", audit.Entries.Single().Target);
        Assert.Equal("NotFoundException: That token does not exist or was already revoked.",
            await Outcomes.OfAsync(() => workspace.Send.Send(new RevokeAccessToken(ann, created.Id), Cancel).AsTask()));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task RevokeAccessToken_OfSomeoneElse_ReadsAsUnknownAndChangesNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var owners = await workspace.Send.Send(new CreateAccessToken(workspace.OwnerId, "owner's"), Cancel);

        var outcome = await Outcomes.OfAsync(() => workspace.Send.Send(new RevokeAccessToken(ann, owners.Id), Cancel).AsTask());

        Assert.Equal(await Outcomes.OfAsync(() => workspace.Send.Send(new RevokeAccessToken(ann, Guid.NewGuid()), Cancel).AsTask()), outcome);
        Assert.Equal("NotFoundException: That token does not exist or was already revoked.", outcome);
        Assert.Equal(workspace.OwnerId, await workspace.Send.Send(new AuthenticateAccessToken(owners.Token), Cancel));
    }

    public static TheoryData<string, string, string> NameRefusals => new()
    {
        { TestWorkspace.Sqlite, " ", "Name the token, so you know later what uses it." },
        { TestWorkspace.Postgres, new string('n', 61), "Token names are at most 60 characters." },
    };

    [Theory, MemberData(nameof(NameRefusals))]
    public async Task CreateAccessToken_WhenNameInvalid_RefusesAndStoresNothing(string provider, string name, string expected)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);

        var outcome = await Outcomes.OfAsync(() => workspace.Send.Send(new CreateAccessToken(workspace.OwnerId, name), Cancel).AsTask());

        Assert.Equal($"InvalidInputException: {expected}", outcome);
        Assert.Equal(0, await workspace.QueryDbAsync(db => db.AccessTokens.CountAsync()));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task CreateAccessToken_PastTheLimit_IsRefused(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        for (var i = 0; i < CreateAccessTokenHandler.MaxLiveTokens; i++)
            await workspace.Send.Send(new CreateAccessToken(workspace.OwnerId, $"token {i}"), Cancel);

        var outcome = await Outcomes.OfAsync(() => workspace.Send.Send(new CreateAccessToken(workspace.OwnerId, "one more"), Cancel).AsTask());

        Assert.Equal("DomainException: You can have at most 25 tokens; revoke one you no longer use first.", outcome);
        Assert.Equal(25, await workspace.QueryDbAsync(db => db.AccessTokens.CountAsync()));
    }

    public static TheoryData<string, string> UnknownTokens => new()
    {
        { TestWorkspace.Sqlite, "" },
        { TestWorkspace.Sqlite, "wsp_not-a-real-token" },
        { TestWorkspace.Postgres, "not even the right shape" },
    };

    [Theory, MemberData(nameof(UnknownTokens))]
    public async Task AuthenticateAccessToken_WhenUnknown_IsNull(string provider, string token)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);

        Assert.Null(await workspace.Send.Send(new AuthenticateAccessToken(token), Cancel));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AuthenticateAccessToken_WhenOwnerDeactivated_IsNull(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var created = await workspace.Send.Send(new CreateAccessToken(ann, "ci"), Cancel);
        Assert.Equal(ann, await workspace.Send.Send(new AuthenticateAccessToken(created.Token), Cancel));

        await workspace.Send.Send(new DeactivateMember(workspace.OwnerId, ann), Cancel);

        Assert.Null(await workspace.Send.Send(new AuthenticateAccessToken(created.Token), Cancel));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AuthenticateAccessToken_RecordsUseAtMostOnceAMinute(string provider)
    {
        var clock = new FakeTimeProvider(Noon);
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);
        var created = await workspace.Send.Send(new CreateAccessToken(workspace.OwnerId, "ci"), Cancel);
        async Task<DateTimeOffset?> UseAndReadAsync()
        {
            await workspace.Send.Send(new AuthenticateAccessToken(created.Token), Cancel);
            return (await workspace.Send.Send(new GetAccessTokens(workspace.OwnerId), Cancel)).Single().LastUsedAt;
        }

        Assert.Equal(Noon, await UseAndReadAsync());
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(Noon, await UseAndReadAsync());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Noon.AddMinutes(1), await UseAndReadAsync());
    }
}
