using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Domain.Admin;
using Workspace.Domain.Channels;
using Workspace.Domain.Members;
using Workspace.Domain.Profiles;
using Workspace.E2E.Support;
using Workspace.Web.Api;

namespace Workspace.E2E.Api;

/// <summary>
/// <c>GET /api/v1/events</c> as an integration uses it: a stream it keeps open, resumes with <c>Last-Event-ID</c> after any
/// drop or server restart, or long-polls.
/// </summary>
public sealed class EventStreamTests : ApiTest
{
    protected override (string Key, string Value)[] Settings => [("Events:HeartbeatSeconds", "1")];

    [Fact]
    public async Task Events_StreamEachChangeAsItHappens_WithAnIdAndItsType()
    {
        var ann = await JoinAsync("Ann");
        var owner = await ClientForAsync(OwnerId);
        var annClient = await ClientForAsync(ann);
        await using var stream = await EventStreamReader.OpenAsync(annClient, lastEventId: null, Cancel);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);

        var posted = await PostAsync(owner, "general", "deploy *started*");
        var first = await stream.NextAsync(Cancel);
        await owner.PatchAsJsonAsync($"/api/v1/messages/{posted.Id}", new { text = "deploy *finished*" }, Cancel);
        var edited = await stream.NextAsync(Cancel);
        await annClient.PostAsJsonAsync($"/api/v1/messages/{posted.Id}/reactions", new { emoji = "🎉" }, Cancel);
        var reacted = await stream.NextAsync(Cancel);
        await annClient.PostAsJsonAsync("/api/v1/channels/general/read", new { seq = posted.Seq }, Cancel);
        var read = await stream.NextAsync(Cancel);
        await owner.DeleteAsync($"/api/v1/messages/{posted.Id}", Cancel);
        var deleted = await stream.NextAsync(Cancel);

        var events = new[] { first!, edited!, reacted!, read!, deleted! };
        Assert.Equal(["message.posted", "message.edited", "reaction.changed", "channel.read", "message.deleted"], events.Select(e => e.Type));
        Assert.True(events.Zip(events.Skip(1)).All(pair => pair.First.Id < pair.Second.Id), "ids grow");
        Assert.Equal((posted.Id, "deploy *started*", "general", People.Owner.Name), (first!.Message!.Id, first.Message.Text, first.Channel!.Name, first.Message.Author.Name));
        Assert.Equal("<p>deploy <em>finished</em></p>", edited!.Message!.Html.Trim());
        Assert.Equal([("🎉", 1)], reacted!.Message!.Reactions.Select(r => (r.Emoji, r.Count)));
        Assert.Equal(posted.Seq, read!.LastReadSeq);
        Assert.True(deleted!.Message!.Deleted);
    }

    [Fact]
    public async Task Events_ResumedWithLastEventId_MissNothingAndRepeatNothing_AcrossServerRestarts()
    {
        var ann = await JoinAsync("Ann");
        var ops = await Send.Send(new CreateChannel(OwnerId, "ops", IsPrivate: false), Cancel);
        await Send.Send(new AddChannelMember(OwnerId, ops.Id, "ann"), Cancel);
        // Tokens are stored, so they work on the restarted server too.
        var ownerToken = (await Send.Send(new CreateAccessToken(OwnerId, "poster"), Cancel)).Token;
        var annToken = (await Send.Send(new CreateAccessToken(ann, "listener"), Cancel)).Token;
        var received = new List<ApiEvent>();
        var sent = new List<string>();
        async Task PostManyAsync(int from, int to)
        {
            var owner = ClientWith(ownerToken);
            for (var i = from; i <= to; i++)
            {
                sent.Add($"post {i}");
                await PostAsync(owner, i % 2 == 0 ? "general" : "ops", $"post {i}");
            }
        }

        await using (var stream = await EventStreamReader.OpenAsync(ClientWith(annToken), lastEventId: null, Cancel))
        {
            await PostManyAsync(1, 10);
            received.AddRange(await stream.UntilAsync(e => e.Message?.Text == "post 5", Cancel));
        }
        await PostManyAsync(11, 20);
        Server = await Server.RestartAsync();
        await PostManyAsync(21, 30);

        await using (var stream = await EventStreamReader.OpenAsync(ClientWith(annToken), received[^1].Id, Cancel))
        {
            received.AddRange(await stream.UntilAsync(e => e.Message?.Text == "post 30", Cancel));
            // Restarting while a stream is open ends it at once; the client resumes on the new server.
            var restart = Server.RestartAsync();
            Assert.Null(await stream.NextAsync(Cancel));
            Server = await restart;
        }
        await PostManyAsync(31, 32);
        await using (var stream = await EventStreamReader.OpenAsync(ClientWith(annToken), received[^1].Id, Cancel))
            received.AddRange(await stream.UntilAsync(e => e.Message?.Text == "post 32", Cancel));

        // The audit: every post exactly once, in the order sent, and ids only ever growing.
        Assert.Equal(sent, received.Where(e => e.Type == "message.posted").Select(e => e.Message!.Text));
        Assert.Equal(received.Select(e => e.Id).Distinct().Order(), received.Select(e => e.Id));
        Assert.All(received, e => Assert.Equal("message.posted", e.Type));
    }

    [Fact]
    public async Task Events_LongPoll_AnswersAtOnceWithWhatIsThere_OrWhenSomethingHappens()
    {
        var owner = await ClientForAsync(OwnerId);
        var start = (await owner.GetFromJsonAsync<ApiEventPage>("/api/v1/events?wait=0", Cancel))!;
        Assert.Empty(start.Events);

        var waiting = owner.GetFromJsonAsync<ApiEventPage>($"/api/v1/events?after={start.Next}&wait=30", Cancel);
        Assert.False(waiting.IsCompleted);
        var posted = await PostAsync(owner, "general", "anyone there?");
        var page = (await waiting)!;

        Assert.Equal([("message.posted", posted.Id)], page.Events.Select(e => (e.Type, e.Message!.Id)));
        Assert.Equal(page.Events[0].Id, page.Next);
        var again = (await owner.GetFromJsonAsync<ApiEventPage>($"/api/v1/events?after={start.Next}&wait=0", Cancel))!;
        Assert.Equal(page.Events.Select(e => e.Id), again.Events.Select(e => e.Id));
        Assert.Empty((await owner.GetFromJsonAsync<ApiEventPage>($"/api/v1/events?after={page.Next}&wait=0", Cancel))!.Events);
    }

    [Fact]
    public async Task Events_WithABadPosition_AreRefusedWithAProblemNotAStream()
    {
        var owner = await ClientForAsync(OwnerId);
        var head = (await owner.GetFromJsonAsync<ApiEventPage>("/api/v1/events?wait=0", Cancel))!.Next;

        var tooLong = await owner.GetAsync("/api/v1/events?after=0&wait=61", Cancel);
        var negative = await owner.GetAsync("/api/v1/events?after=-1&wait=0", Cancel);
        var ahead = await owner.GetAsync($"/api/v1/events?after={head + 100}", Cancel);
        await using var garbled = await EventStreamReader.OpenAsync(owner, lastEventId: null, Cancel, "/api/v1/events?after=x");
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events");
        request.Headers.Add("Last-Event-ID", "yesterday");
        var badHeader = await owner.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("wait is a number of seconds from 0 to 60.", (await ProblemAsync(tooLong)).Detail);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("Event ids start at 1", (await ProblemAsync(negative)).Detail);
        Assert.Equal(HttpStatusCode.NotFound, ahead.StatusCode);
        Assert.Equal($"There is no event {head + 100} yet: resume from an id this stream sent (the newest is {head}).",
            (await ProblemAsync(ahead)).Detail);
        Assert.Equal(HttpStatusCode.BadRequest, garbled.Response.StatusCode);
        Assert.Equal("after is not an id this stream sent: ids are whole numbers.", (await ProblemAsync(garbled.Response)).Detail);
        Assert.Equal(HttpStatusCode.BadRequest, badHeader.StatusCode);
        Assert.Equal("Last-Event-ID is not an id this stream sent: ids are whole numbers.", (await ProblemAsync(badHeader)).Detail);
    }

    [Fact]
    public void Events_AreLongLived_SoAnOpenStreamHoldsNoScopeOrConnectionBetweenReads()
    {
        var endpoints = Server.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        bool IsLongLived(string name) => endpoints.Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == name)
            .Metadata.GetMetadata<ApiRequests.LongLived>() is not null;

        Assert.True(IsLongLived("GetEvents"));
        Assert.False(IsLongLived("PostMessage"));
    }

    [Fact]
    public async Task Events_ForSomeoneRemoved_StopAtOnce_AndADeactivatedPersonsStreamEnds()
    {
        var ann = await JoinAsync("Ann");
        var ops = await Send.Send(new CreateChannel(OwnerId, "ops", IsPrivate: true), Cancel);
        await Send.Send(new AddChannelMember(OwnerId, ops.Id, "ann"), Cancel);
        var owner = await ClientForAsync(OwnerId);
        var annClient = await ClientForAsync(ann);
        await using var stream = await EventStreamReader.OpenAsync(annClient, lastEventId: null, Cancel);

        await Send.Send(new RemoveChannelMember(OwnerId, ops.Id, ann), Cancel);
        var left = await stream.NextAsync(Cancel);
        await PostAsync(owner, "ops", "after Ann left");
        await PostAsync(owner, "general", "marker");
        var next = await stream.NextAsync(Cancel);
        await Send.Send(new DeactivateMember(OwnerId, ann), Cancel);
        var end = await stream.NextAsync(Cancel);

        Assert.Equal(("member.left", "ops", ann), (left!.Type, left.Channel!.Name, left.User!.Id));
        Assert.Equal("marker", next!.Message!.Text);
        Assert.Null(end);
        Assert.Equal(HttpStatusCode.Unauthorized, (await annClient.GetAsync("/api/v1/events", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Events_WhenIdle_SendAHeartbeat_AndEndOnceTheTokenIsRevoked()
    {
        var token = await Send.Send(new CreateAccessToken(OwnerId, "watcher"), Cancel);
        await using var stream = await EventStreamReader.OpenAsync(ClientWith(token.Token), lastEventId: null, Cancel);

        Assert.Equal("retry: 2000", await stream.NextLineAsync(Cancel));
        Assert.Equal("", await stream.NextLineAsync(Cancel));
        Assert.Equal(": heartbeat", await stream.NextLineAsync(Cancel));
        await Send.Send(new RevokeAccessToken(OwnerId, token.Id), Cancel);
        Assert.Null(await stream.NextAsync(Cancel));
        Assert.Contains("heartbeat", stream.Comments);
    }

    [Fact]
    public async Task Events_WhenBusy_EndWithinAHeartbeatOnceTheTokenIsRevoked()
    {
        var token = await Send.Send(new CreateAccessToken(OwnerId, "watcher"), Cancel);
        var owner = await ClientForAsync(OwnerId);
        var posted = await PostAsync(owner, "general", "busy 0");
        await using var stream = await EventStreamReader.OpenAsync(ClientWith(token.Token), lastEventId: null, Cancel);
        await Send.Send(new RevokeAccessToken(OwnerId, token.Id), Cancel);

        // An edit after every event keeps the stream busy: it never waits out a quiet heartbeat, where idle streams check.
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        patience.CancelAfter(TimeSpan.FromSeconds(30));
        var edits = 0;
        ApiEvent? next;
        do
        {
            var edited = await owner.PatchAsJsonAsync($"/api/v1/messages/{posted.Id}", new { text = $"busy {++edits}" }, patience.Token);
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
            next = await stream.NextAsync(patience.Token);
        }
        while (next is not null);

        Assert.True(edits > 1, "the stream sent events after the token was revoked, until its check");
        Assert.Equal(HttpStatusCode.Unauthorized, (await ClientWith(token.Token).GetAsync("/api/v1/events", Cancel)).StatusCode);
    }

    private static async Task<ApiPosted> PostAsync(HttpClient client, string channel, string text)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/channels/{channel}/messages", new { text, clientMessageId = Guid.NewGuid() }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ApiPosted>(Cancel))!;
    }
}
