using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Members;
using Workspace.Domain.Profiles;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Profiles;

public sealed class UpdateProfileTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task UpdateProfile_WhenValid_ChangesNameHandleAndZoneEverywhere(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var general = await workspace.GeneralIdAsync();
        await workspace.PostAsync(ann, general, "hello");

        await workspace.Send.Send(new UpdateProfile(ann, "  Annie Lee ", "@Annie_L", "Europe/Paris"), Cancel);

        var mine = await workspace.Send.Send(new GetMyProfile(ann), Cancel);
        Assert.Equal(("Annie Lee", "annie_l", "Europe/Paris"), (mine.DisplayName, mine.Handle, mine.TimeZone));
        var card = await workspace.Send.Send(new GetProfile(workspace.OwnerId, "annie_l"), Cancel);
        Assert.Equal("Annie Lee", card.DisplayName);
        var messages = await workspace.Send.Send(new Domain.Messages.GetChannelMessages(workspace.OwnerId, general), Cancel);
        Assert.Equal(("Annie Lee", "annie_l"), (messages.Messages[^1].AuthorName, messages.Messages[^1].AuthorHandle));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task UpdateProfile_WithEmptyTimeZone_ForgetsTheZone(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        await workspace.Send.Send(new UpdateProfile(ann, "Ann Lee", "ann.lee", "Asia/Tokyo"), Cancel);

        await workspace.Send.Send(new UpdateProfile(ann, "Ann Lee", "ann.lee", ""), Cancel);

        Assert.Null((await workspace.Send.Send(new GetMyProfile(ann), Cancel)).TimeZone);
    }

    public static TheoryData<string, string, string, string?, string> Refusals => new()
    {
        { TestWorkspace.Sqlite, "", "ann", null, "Enter your name." },
        { TestWorkspace.Sqlite, new string('a', 81), "ann", null, "Names are at most 80 characters." },
        { TestWorkspace.Sqlite, "Ann", "", null, "Enter a handle." },
        { TestWorkspace.Sqlite, "Ann", new string('a', 41), null, "Handles are at most 40 characters." },
        { TestWorkspace.Sqlite, "Ann", "ann lee", null, "Handles use lowercase letters, digits, '-', '_' and dots between them." },
        { TestWorkspace.Sqlite, "Ann", "ann..lee", null, "Handles use lowercase letters, digits, '-', '_' and dots between them." },
        { TestWorkspace.Sqlite, "Ann", ".ann", null, "Handles use lowercase letters, digits, '-', '_' and dots between them." },
        { TestWorkspace.Sqlite, "Ann", "zoë", null, "Handles use lowercase letters, digits, '-', '_' and dots between them." },
        { TestWorkspace.Sqlite, "Ann", "Here", null, "@here is reserved for mentioning everyone; pick another handle." },
        { TestWorkspace.Sqlite, "Ann", "everyone", null, "@everyone is reserved for mentioning everyone; pick another handle." },
        { TestWorkspace.Sqlite, "Ann", "ann", "Mars/Olympus_Mons", "Pick a time zone from the list." },
        { TestWorkspace.Postgres, "Ann", "channel", null, "@channel is reserved for mentioning everyone; pick another handle." },
        { TestWorkspace.Postgres, "Ann", "ann", "Nowhere", "Pick a time zone from the list." },
    };

    [Theory, MemberData(nameof(Refusals))]
    public async Task UpdateProfile_WhenInvalid_RefusesAndChangesNothing(string provider, string name, string handle, string? zone,
        string expected)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var before = await workspace.Send.Send(new GetMyProfile(ann), Cancel);

        var outcome = await Outcomes.OfAsync(() => workspace.Send.Send(new UpdateProfile(ann, name, handle, zone), Cancel).AsTask());

        Assert.Equal($"InvalidInputException: {expected}", outcome);
        Assert.Equal(before, await workspace.Send.Send(new GetMyProfile(ann), Cancel));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task UpdateProfile_WhenHandleTaken_SaysSoAndChangesNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");

        var outcome = await Outcomes.OfAsync(() =>
            workspace.Send.Send(new UpdateProfile(ann, "Someone Else", "Olivia.Owner", null), Cancel).AsTask());

        Assert.Equal("DomainException: Someone already has the handle @olivia.owner; pick another.", outcome);
        var mine = await workspace.Send.Send(new GetMyProfile(ann), Cancel);
        Assert.Equal(("Ann Lee", "ann.lee"), (mine.DisplayName, mine.Handle));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task UpdateProfile_KeepingOwnHandle_IsAllowed(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");

        await workspace.Send.Send(new UpdateProfile(ann, "Ann B. Lee", "ann.lee", null), Cancel);

        Assert.Equal("Ann B. Lee", (await workspace.Send.Send(new GetMember(ann), Cancel)).DisplayName);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task UpdateProfile_WhenDeactivated_AsksToSignIn(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        await Deactivate(workspace, ann);

        var outcome = await Outcomes.OfAsync(() => workspace.Send.Send(new UpdateProfile(ann, "X", "x", null), Cancel).AsTask());

        Assert.Equal("ForbiddenException: Sign in to continue.", outcome);
    }

    internal static Task<int> Deactivate(TestWorkspace workspace, Guid userId) =>
        workspace.QueryDbAsync(db => db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.DeactivatedAt, DateTimeOffset.UtcNow)));
}
