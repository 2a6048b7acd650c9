using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Messages;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Members;

public sealed class AcceptInviteTests
{
    private const string UnknownLink = "This invite link is not valid. Ask an admin for a new one.";
    private const string UsedLink = "This invite link has already been used.";
    private const string ExpiredLink = "This invite link has expired. Ask an admin for a new one.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AcceptInvite_WhenLinkIsFresh_CreatesMemberSeatedInGeneralAndUsesTheLink(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);
        var general = await workspace.GeneralIdAsync();
        await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, "before Ann", Guid.NewGuid()), Cancel);
        var invite = await workspace.Send.Send(new CreateInvite(workspace.OwnerId), Cancel);
        clock.Advance(TimeSpan.FromHours(1));

        var ann = await workspace.Send.Send(new AcceptInvite(invite.Token, " Ann Lee ", " ann@example.com ", "password-1"), Cancel);

        Assert.Equal(new MemberView(ann, "Ann Lee", "ann.lee", WorkspaceRole.Member, CanCreateChannels: true), await workspace.Send.Send(new GetMember(ann), Cancel));
        var seat = Assert.Single(await workspace.Send.Send(new GetSidebar(ann), Cancel));
        Assert.Equal((general, 1L, 1L, 0L), (seat.Id, seat.LastSeq, seat.LastReadSeq, seat.Unread));
        var used = await workspace.QueryDbAsync(db => db.Invites.SingleAsync(Cancel));
        Assert.Equal((ann, clock.GetUtcNow()), (used.UsedById, used.UsedAt));
        var user = await workspace.QueryDbAsync(db => db.Users.SingleAsync(u => u.Id == ann, Cancel));
        Assert.Equal(("ann@example.com", "ann@example.com", clock.GetUtcNow()), (user.Email, user.UserName, user.JoinedAt));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AcceptInvite_WhenPeopleShareAName_GivesEachAUniqueHandle(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);

        var first = await workspace.AddMemberAsync("Ann Lee");
        var second = await workspace.AddMemberAsync("Ann Lee");
        var third = await workspace.AddMemberAsync("Ánn  Lée");

        var handles = new List<string>();
        foreach (var id in new[] { first, second, third })
            handles.Add((await workspace.Send.Send(new GetMember(id), Cancel)).Handle);
        Assert.Equal(["ann.lee", "ann.lee2", "ann.lee3"], handles);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AcceptInvite_WhenLinkWasAlreadyUsed_RefusesTheSecondPerson(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var invite = await workspace.Send.Send(new CreateInvite(workspace.OwnerId), Cancel);
        var ann = await workspace.Send.Send(new AcceptInvite(invite.Token, "Ann", "ann@example.com", "password-1"), Cancel);

        var refused = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new AcceptInvite(invite.Token, "Ben", "ben@example.com", "password-1"), Cancel));

        Assert.Equal(UsedLink, refused.Message);
        Assert.Equal(2, await workspace.QueryDbAsync(db => db.Users.CountAsync(Cancel)));
        Assert.Equal(ann, await workspace.QueryDbAsync(db => db.Invites.Select(i => i.UsedById).SingleAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AcceptInvite_WhenSameLinkIsAcceptedConcurrently_LetsExactlyOnePersonIn(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var invite = await workspace.Send.Send(new CreateInvite(workspace.OwnerId), Cancel);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            try
            {
                await workspace.Send.Send(new AcceptInvite(invite.Token, $"Person {i}", $"person{i}@example.com", "password-1"), Cancel);
                return "joined";
            }
            catch (DomainException e)
            {
                return e.Message;
            }
        }, Cancel)));

        Assert.Equal(["joined", UsedLink, UsedLink, UsedLink, UsedLink, UsedLink], answers.OrderBy(a => a != "joined"));
        Assert.Equal(2, await workspace.QueryDbAsync(db => db.Users.CountAsync(Cancel)));
        Assert.Equal(2, await workspace.QueryDbAsync(db => db.Memberships.CountAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AcceptInvite_WhenNamesakesJoinAtOnce_GivesEachAUniqueHandle(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var invites = new List<CreatedInvite>();
        for (var i = 0; i < 4; i++)
            invites.Add(await workspace.Send.Send(new CreateInvite(workspace.OwnerId), Cancel));

        var joined = await Task.WhenAll(invites.Select((invite, i) => Task.Run(async () =>
            await workspace.Send.Send(new AcceptInvite(invite.Token, "Ann Lee", $"ann{i}@example.com", "password-1"), Cancel), Cancel)));

        var handles = await workspace.QueryDbAsync(db => db.Users.Where(u => joined.Contains(u.Id)).Select(u => u.Handle).OrderBy(h => h).ToListAsync(Cancel));
        Assert.Equal(["ann.lee", "ann.lee2", "ann.lee3", "ann.lee4"], handles);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AcceptInvite_WhenOneEmailJoinsTwiceAtOnce_LetsOneInAndRefusesTheOtherClearly(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var first = await workspace.Send.Send(new CreateInvite(workspace.OwnerId), Cancel);
        var second = await workspace.Send.Send(new CreateInvite(workspace.OwnerId), Cancel);

        var answers = await Task.WhenAll(new[] { first, second }.Select(invite => Task.Run(async () =>
        {
            try
            {
                await workspace.Send.Send(new AcceptInvite(invite.Token, "Ann", "ann@example.com", "password-1"), Cancel);
                return "joined";
            }
            catch (DomainException e)
            {
                return e.Message;
            }
        }, Cancel)));

        Assert.Equal(["joined", "Someone with this email address is already in the workspace."], answers.OrderBy(a => a != "joined"));
        Assert.Equal(2, await workspace.QueryDbAsync(db => db.Users.CountAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AcceptInvite_WhenTokenIsUnknownOrEmpty_RefusesAndCreatesNobody(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        await workspace.Send.Send(new CreateInvite(workspace.OwnerId), Cancel);

        var unknown = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new AcceptInvite("made-up-token", "Ann", "ann@example.com", "password-1"), Cancel));
        var empty = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await workspace.Send.Send(new AcceptInvite("", "Ann", "ann@example.com", "password-1"), Cancel));

        Assert.Equal(UnknownLink, unknown.Message);
        Assert.Equal([UnknownLink], empty.Errors);
        Assert.Equal(1, await workspace.QueryDbAsync(db => db.Users.CountAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AcceptInvite_WhenLinkHasExpired_RefusesAndCreatesNobody(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);
        var lastMoment = await workspace.Send.Send(new CreateInvite(workspace.OwnerId), Cancel);
        var expired = await workspace.Send.Send(new CreateInvite(workspace.OwnerId), Cancel);
        clock.Advance(Invite.DefaultLifetime - TimeSpan.FromSeconds(1));
        await workspace.Send.Send(new AcceptInvite(lastMoment.Token, "Ann", "ann@example.com", "password-1"), Cancel);
        clock.Advance(TimeSpan.FromSeconds(1));

        var refused = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new AcceptInvite(expired.Token, "Ben", "ben@example.com", "password-1"), Cancel));

        Assert.Equal(ExpiredLink, refused.Message);
        Assert.Equal(["ann@example.com", "owner@example.com"],
            await workspace.QueryDbAsync(db => db.Users.Select(u => u.Email!).OrderBy(e => e).ToListAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AcceptInvite_WhenEmailIsAlreadyInTheWorkspace_RefusesAndLeavesTheLinkUsable(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var invite = await workspace.Send.Send(new CreateInvite(workspace.OwnerId), Cancel);

        var exact = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new AcceptInvite(invite.Token, "Olivia Again", "owner@example.com", "password-1"), Cancel));
        var otherCase = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new AcceptInvite(invite.Token, "Olivia Again", "OWNER@Example.com", "password-1"), Cancel));

        Assert.Equal("Someone with this email address is already in the workspace.", exact.Message);
        Assert.Equal("Someone with this email address is already in the workspace.", otherCase.Message);
        Assert.Equal(1, await workspace.QueryDbAsync(db => db.Users.CountAsync(Cancel)));
        Assert.Null((await workspace.Send.Send(new GetInvite(invite.Token), Cancel)).Problem);
        await workspace.Send.Send(new AcceptInvite(invite.Token, "Ann", "ann@example.com", "password-1"), Cancel);
        Assert.Equal(2, await workspace.QueryDbAsync(db => db.Users.CountAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AcceptInvite_WhenInputIsInvalid_RefusesWithTheRuleAndLeavesTheLinkUnused(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var invite = await workspace.Send.Send(new CreateInvite(workspace.OwnerId), Cancel);
        var cases = new (AcceptInvite Command, string Error)[]
        {
            (new(invite.Token, "", "ann@example.com", "password-1"), "Enter your name."),
            (new(invite.Token, new string('a', 81), "ann@example.com", "password-1"), "Names are at most 80 characters."),
            (new(invite.Token, "Ann", "ann.example.com", "password-1"), "Enter a valid email address."),
            (new(invite.Token, "Ann", "ann@example.com", "1234567"), "Passwords are at least 8 characters."),
            (new(invite.Token, "Ann", "ann@example.com", new string('p', 257)), "Passwords are at most 256 characters."),
        };

        foreach (var (command, error) in cases)
        {
            var refused = await Assert.ThrowsAsync<InvalidInputException>(async () => await workspace.Send.Send(command, Cancel));
            Assert.Equal([error], refused.Errors);
        }

        Assert.Equal(1, await workspace.QueryDbAsync(db => db.Users.CountAsync(Cancel)));
        Assert.Null((await workspace.Send.Send(new GetInvite(invite.Token), Cancel)).Problem);
    }
}
