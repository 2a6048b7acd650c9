using System.Net;
using System.Net.Http.Json;

namespace Workspace.E2E.Api;

/// <summary>
/// The limits as an integration meets them: 20 messages at once per person, and 200 API calls a minute per caller.
/// The refill is slowed to one message a minute so that how long the requests take cannot change the count; the rate
/// itself is tested with a fake clock in the domain tests.
/// </summary>
public sealed class ApiRateLimitTests : ApiTest
{
    protected override (string Key, string Value)[] Settings =>
        [("RateLimits:MessageBurst", "20"), ("RateLimits:MessagesPerSecond", "0.0166"), ("RateLimits:ApiRequestsPerMinute", "200")];

    [Fact]
    public async Task PostMessage_PastTheBurst_Gets429WithRetryAfter_AndPostsNothingMore()
    {
        var client = await ClientForAsync(OwnerId);

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => client.PostAsJsonAsync(
            "/api/v1/channels/general/messages", new { text = $"alert {i}", clientMessageId = Guid.NewGuid() }, Cancel)));

        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal((20, 10), (created, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests)));
        var refused = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 61);
        Assert.Equal("You are sending messages too fast. Wait a moment, then try again.", (await ProblemAsync(refused)).Detail);
        var history = await client.GetFromJsonAsync<Workspace.Web.Api.ApiMessagePage>("/api/v1/channels/general/messages?limit=50", Cancel);
        Assert.Equal(created, history!.Messages.Count);
    }

    [Fact]
    public async Task Calls_PastTwoHundredAMinute_Get429WithRetryAfter_WhileAnotherCallerIsUnaffected()
    {
        var client = await ClientForAsync(OwnerId);
        var other = await ClientForAsync(await JoinAsync("Ann"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 201; i++)
            statuses.Add((await client.GetAsync("/api/v1/channels", Cancel)).StatusCode);
        var refused = await client.GetAsync("/api/v1/channels", Cancel);

        Assert.Equal(200, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.StartsWith("Too many API calls: at most 200 a minute.", (await ProblemAsync(refused)).Detail);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/channels", Cancel)).StatusCode);
    }
}
