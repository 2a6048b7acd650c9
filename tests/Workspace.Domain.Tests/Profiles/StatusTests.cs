using Microsoft.Extensions.Time.Testing;
using Workspace.Domain.Profiles;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Profiles;

public sealed class StatusTests
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task SetStatus_ThenClearStatus_ShowsThenHidesIt(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: new FakeTimeProvider(Noon));
        var ann = await workspace.AddMemberAsync("Ann Lee");

        await workspace.Send.Send(new SetStatus(ann, "  Focusing ", "🎯", Noon.AddHours(1)), Cancel);
        Assert.Equal(new Status("Focusing", "🎯", Noon.AddHours(1)), (await workspace.Send.Send(new GetMyProfile(ann), Cancel)).Status);

        await workspace.Send.Send(new ClearStatus(ann), Cancel);
        Assert.Null((await workspace.Send.Send(new GetMyProfile(ann), Cancel)).Status);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task SetStatus_EmojiOnly_IsAStatus(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");

        await workspace.Send.Send(new SetStatus(ann, "", "☕", null), Cancel);

        Assert.Equal(new Status("", "☕", null), (await workspace.Send.Send(new GetMyProfile(ann), Cancel)).Status);
    }

    public static TheoryData<string, string, string, int?, string> Refusals => new()
    {
        { TestWorkspace.Sqlite, new string('x', 101), "", null, "InvalidInputException: A status is at most 100 characters." },
        { TestWorkspace.Sqlite, "Out", "🦖", null, "InvalidInputException: Pick an emoji from the list." },
        { TestWorkspace.Sqlite, " ", "", null, "InvalidInputException: Type a status or pick an emoji." },
        { TestWorkspace.Sqlite, "Out", "", 0, "DomainException: Pick a time in the future for the status to clear." },
        { TestWorkspace.Postgres, "Out", "", -5, "DomainException: Pick a time in the future for the status to clear." },
        { TestWorkspace.Postgres, "Out", "x", null, "InvalidInputException: Pick an emoji from the list." },
    };

    [Theory, MemberData(nameof(Refusals))]
    public async Task SetStatus_WhenInvalid_RefusesAndKeepsTheOldOne(string provider, string text, string emoji, int? minutes,
        string expected)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: new FakeTimeProvider(Noon));
        var ann = await workspace.AddMemberAsync("Ann Lee");
        await workspace.Send.Send(new SetStatus(ann, "Here", "👋", null), Cancel);

        var outcome = await Outcomes.OfAsync(() => workspace.Send.Send(
            new SetStatus(ann, text, emoji, minutes is { } m ? Noon.AddMinutes(m) : null), Cancel).AsTask());

        Assert.Equal(expected, outcome);
        Assert.Equal(new Status("Here", "👋", null), (await workspace.Send.Send(new GetMyProfile(ann), Cancel)).Status);
    }
}
