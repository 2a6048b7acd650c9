using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Workspace.Domain.Members;
using Workspace.Domain.Profiles;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Profiles;

public sealed class GetProfileTests
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetProfile_ShowsNameHandleStatusAndLocalTime(string provider)
    {
        var clock = new FakeTimeProvider(Noon);
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        await workspace.Send.Send(new UpdateProfile(ann, "Ann Lee", "ann.lee", "Asia/Tokyo"), Cancel);
        await workspace.Send.Send(new SetStatus(ann, "In Tokyo", "🚀", null), Cancel);

        var card = await workspace.Send.Send(new GetProfile(workspace.OwnerId, "@Ann.Lee"), Cancel);

        Assert.Equal(new ProfileCard(ann, "Ann Lee", "ann.lee", null, new Status("In Tokyo", "🚀", null), "Asia/Tokyo",
            new DateTimeOffset(2026, 6, 1, 21, 0, 0, TimeSpan.FromHours(9)), 0, false), card);
        Assert.Equal(TimeSpan.FromHours(9), card.LocalTime!.Value.Offset);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetProfile_LabelsRolesOtherThanMember_AndDeactivatedPeople(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        await UpdateProfileTests.Deactivate(workspace, workspace.OwnerId);

        var owner = await workspace.Send.Send(new GetProfile(ann, "olivia.owner"), Cancel);

        Assert.Equal(("Owner", true, null, null), (owner.RoleLabel, owner.Deactivated, owner.TimeZone, owner.LocalTime));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetProfile_WhenStatusExpired_ShowsNone(string provider)
    {
        var clock = new FakeTimeProvider(Noon);
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        await workspace.Send.Send(new SetStatus(ann, "At lunch", "🍕", Noon.AddMinutes(30)), Cancel);
        Assert.NotNull((await workspace.Send.Send(new GetProfile(workspace.OwnerId, "ann.lee"), Cancel)).Status);

        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Null((await workspace.Send.Send(new GetProfile(workspace.OwnerId, "ann.lee"), Cancel)).Status);
        Assert.Null((await workspace.Send.Send(new GetMyProfile(ann), Cancel)).Status);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetProfile_WhenNoSuchHandle_IsNotFound(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);

        var outcome = await Outcomes.OfAsync(() => workspace.Send.Send(new GetProfile(workspace.OwnerId, "nobody"), Cancel).AsTask());

        Assert.Equal("NotFoundException: No one here has that handle.", outcome);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetProfile_ForGuest_ShowsOnlyPeopleSharingAChannel(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var guest = await workspace.AddMemberAsync("Gus Guest");
        await workspace.QueryDbAsync(db => db.Users.Where(u => u.Id == guest)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.Role, WorkspaceRole.Guest)));
        Assert.Equal("allowed", await Outcomes.OfAsync(() => workspace.Send.Send(new GetProfile(guest, "ann.lee"), Cancel).AsTask()));

        await workspace.QueryDbAsync(db => db.Memberships.Where(m => m.UserId == guest).ExecuteDeleteAsync());

        // Exactly what a handle nobody has reads like, so a guest cannot probe who is in the workspace.
        Assert.Equal(await Outcomes.OfAsync(() => workspace.Send.Send(new GetProfile(guest, "nobody"), Cancel).AsTask()),
            await Outcomes.OfAsync(() => workspace.Send.Send(new GetProfile(guest, "ann.lee"), Cancel).AsTask()));
        Assert.Equal("Gus Guest", (await workspace.Send.Send(new GetProfile(guest, "gus.guest"), Cancel)).DisplayName);
        Assert.Equal("Gus Guest", (await workspace.Send.Send(new GetProfile(ann, "gus.guest"), Cancel)).DisplayName);
    }
}
