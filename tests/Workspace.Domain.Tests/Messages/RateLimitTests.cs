using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Workspace.Domain.Messages;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Messages;

public sealed class RateLimitTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_PastABurstOfTwenty_IsRefusedUntilTheBudgetRefillsAtFiveASecond(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock, rateLimited: true);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();

        for (var i = 0; i < 20; i++)
            await workspace.PostAsync(ann, general, $"burst {i}");
        var refused = await Assert.ThrowsAsync<RateLimitedException>(async () => await workspace.PostAsync(ann, general, "one too many"));
        await workspace.PostAsync(workspace.OwnerId, general, "someone else still can");
        clock.Advance(TimeSpan.FromMilliseconds(199));
        await Assert.ThrowsAsync<RateLimitedException>(async () => await workspace.PostAsync(ann, general, "still too early"));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await workspace.PostAsync(ann, general, "after a fifth of a second");

        Assert.Equal(TimeSpan.FromMilliseconds(200), refused.RetryAfter);
        Assert.Equal("You are sending messages too fast. Wait a moment, then try again.", refused.Message);
        Assert.Equal(21, await workspace.QueryDbAsync(db => db.Messages.CountAsync(m => m.AuthorId == ann, Cancel)));
    }
}
