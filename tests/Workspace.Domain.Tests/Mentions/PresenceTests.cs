using Workspace.Domain.Realtime;

namespace Workspace.Domain.Tests.Mentions;

/// <summary>Presence decides whom <c>@here</c> reaches: someone is online while any of their connections is.</summary>
public sealed class PresenceTests
{
    [Fact]
    public void IsOnline_WhileAnyConnectionIsOpen_IsTrue()
    {
        var presence = new Presence();
        var ann = Guid.NewGuid();
        var ben = Guid.NewGuid();

        presence.Connected(ann);
        presence.Connected(ann);
        presence.Disconnected(ann);
        var afterClosingOneOfTwo = presence.IsOnlineHere(ann);
        presence.Disconnected(ann);

        Assert.Equal((true, false, false), (afterClosingOneOfTwo, presence.IsOnlineHere(ann), presence.IsOnlineHere(ben)));
    }

    [Fact]
    public void Disconnected_WhenNotConnected_LeavesNoDebtBehind()
    {
        var presence = new Presence();
        var ann = Guid.NewGuid();

        presence.Disconnected(ann);
        presence.Connected(ann);

        Assert.True(presence.IsOnlineHere(ann));
    }

    [Fact]
    public async Task ConnectedAndDisconnected_WhenManyRaceForOnePerson_EndBalanced()
    {
        var presence = new Presence();
        var ann = Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                presence.Connected(ann);
                presence.Disconnected(ann);
            }
        }, TestContext.Current.CancellationToken)));
        var afterRace = presence.IsOnlineHere(ann);
        presence.Connected(ann);

        Assert.Equal((false, true), (afterRace, presence.IsOnlineHere(ann)));
    }
}
