using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Domain.Admin;
using Workspace.Domain.Channels;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;
using Workspace.Domain.Profiles;
using Workspace.Web.Api;

namespace Workspace.E2E.Api;

/// <summary>Each endpoint of /api/v1: its answer, and each way it refuses, with the status and a readable detail.</summary>
public sealed class ApiContractTests : ApiTest
{
    private const string NoSuchChannel = "This channel does not exist or you do not have access to it.";

    [Fact]
    public async Task Calls_WithoutAValidToken_Get401WithAProblem()
    {
        var ann = await JoinAsync("Ann");
        var token = await Send.Send(new CreateAccessToken(ann, "laptop"), Cancel);
        var revoked = await Send.Send(new CreateAccessToken(ann, "old"), Cancel);
        await Send.Send(new RevokeAccessToken(ann, revoked.Id), Cancel);

        var none = await ClientWith(null).GetAsync("/api/v1/channels", Cancel);
        var wrong = await ClientWith("wsp_not-a-real-token").GetAsync("/api/v1/channels", Cancel);
        var old = await ClientWith(revoked.Token).GetAsync("/api/v1/channels", Cancel);
        Assert.Equal(HttpStatusCode.OK, (await ClientWith(token.Token).GetAsync("/api/v1/channels", Cancel)).StatusCode);
        await Send.Send(new DeactivateMember(OwnerId, ann), Cancel);
        var deactivated = await ClientWith(token.Token).GetAsync("/api/v1/channels", Cancel);

        foreach (var response in new[] { none, wrong, old, deactivated })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
        Assert.Contains("Authorization: Bearer", (await ProblemAsync(none)).Detail);
        const string invalid = "The token is not valid: it is unknown, revoked, or its owner was deactivated.";
        foreach (var refused in new[] { wrong, old, deactivated })
            Assert.Equal(invalid, (await ProblemAsync(refused)).Detail);
    }

    [Fact]
    public async Task ListChannels_ReturnsTheCallersChannelsWithUnreadAndMentionCounts()
    {
        var ann = await JoinAsync("Ann");
        var general = await GeneralAsync();
        var secret = await Send.Send(new CreateChannel(OwnerId, "secret", IsPrivate: true), Cancel);
        var owner = await ClientForAsync(OwnerId);
        await PostAsync(owner, "general", "hello");
        await PostAsync(owner, "general", "@ann have a look");

        var channels = await (await ClientForAsync(ann)).GetFromJsonAsync<List<ApiChannel>>("/api/v1/channels", Cancel);

        Assert.Equal([new ApiChannel(general, "general", "public", 2, 1)], channels);
        Assert.Contains((await owner.GetFromJsonAsync<List<ApiChannel>>("/api/v1/channels", Cancel))!,
            c => c == new ApiChannel(secret.Id, "secret", "private", 0, 0));
    }

    [Fact]
    public async Task PostMessage_Creates201_ARepeatAnswers200WithTheSameMessage_AndRepliesGoToTheirThread()
    {
        var client = await ClientForAsync(OwnerId);
        var clientMessageId = Guid.NewGuid();

        var first = await client.PostAsJsonAsync("/api/v1/channels/general/messages", new { text = "Deploy *done*", clientMessageId }, Cancel);
        var again = await client.PostAsJsonAsync("/api/v1/channels/general/messages", new { text = "Deploy *done*", clientMessageId }, Cancel);
        var general = await GeneralAsync();
        var byId = await client.PostAsJsonAsync($"/api/v1/channels/{general}/messages",
            new { text = "in the thread", clientMessageId = Guid.NewGuid(), threadRootSeq = 1 }, Cancel);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Created), (first.StatusCode, again.StatusCode, byId.StatusCode));
        var posted = await first.Content.ReadFromJsonAsync<ApiPosted>(Cancel);
        Assert.Equal(posted, await again.Content.ReadFromJsonAsync<ApiPosted>(Cancel));
        Assert.Equal(("general", 1L, (long?)null, 0L), (posted!.Channel, posted.Seq, posted.ThreadRootSeq, posted.ReplySeq));
        var reply = await byId.Content.ReadFromJsonAsync<ApiPosted>(Cancel);
        Assert.Equal(((long?)1, 1L), (reply!.ThreadRootSeq, reply.ReplySeq));
        var history = await client.GetFromJsonAsync<ApiMessagePage>("/api/v1/channels/general/messages", Cancel);
        var root = Assert.Single(history!.Messages);
        Assert.Equal(("Deploy *done*", "<p>Deploy <em>done</em></p>", 1), (root.Text, root.Html.Trim(), root.ReplyCount));
    }

    [Fact]
    public async Task PostMessage_WhenRefused_SaysWhyWithTheRightStatus_AndPostsNothing()
    {
        var ann = await JoinAsync("Ann");
        var client = await ClientForAsync(ann);
        await Send.Send(new CreateChannel(OwnerId, "secret", IsPrivate: true), Cancel);
        await Send.Send(new CreateChannel(OwnerId, "random", IsPrivate: false), Cancel);
        var old = await Send.Send(new CreateChannel(OwnerId, "old", IsPrivate: false), Cancel);
        await Send.Send(new JoinChannel(ann, old.Id), Cancel);
        await Send.Send(new ArchiveChannel(OwnerId, old.Id), Cancel);

        async Task<(HttpStatusCode, string?)> Post(string channel, object body)
        {
            var response = await client.PostAsJsonAsync($"/api/v1/channels/{channel}/messages", body, Cancel);
            return (response.StatusCode, (await ProblemAsync(response)).Detail);
        }

        Assert.Equal((HttpStatusCode.BadRequest, "A message needs a client message id."), await Post("general", new { text = "no id" }));
        Assert.Equal((HttpStatusCode.BadRequest, "Write something before sending."),
            await Post("general", new { text = "  ", clientMessageId = Guid.NewGuid() }));
        Assert.Equal(HttpStatusCode.BadRequest, (await Post("general", new { text = new string('x', 16_001), clientMessageId = Guid.NewGuid() })).Item1);
        Assert.Equal((HttpStatusCode.NotFound, NoSuchChannel), await Post("secret", new { text = "hi", clientMessageId = Guid.NewGuid() }));
        Assert.Equal((HttpStatusCode.NotFound, NoSuchChannel), await Post("nowhere", new { text = "hi", clientMessageId = Guid.NewGuid() }));
        Assert.Equal((HttpStatusCode.NotFound, NoSuchChannel), await Post(Guid.NewGuid().ToString(), new { text = "hi", clientMessageId = Guid.NewGuid() }));
        Assert.Equal((HttpStatusCode.Forbidden, "Join #random first."), await Post("random", new { text = "hi", clientMessageId = Guid.NewGuid() }));
        Assert.Equal((HttpStatusCode.Conflict, "#old is archived."), await Post("old", new { text = "hi", clientMessageId = Guid.NewGuid() }));
        Assert.Equal(0, await CountMessagesAsync());

        var malformed = await client.PostAsync("/api/v1/channels/general/messages",
            new StringContent("{\"text\": ", System.Text.Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal((HttpStatusCode.BadRequest, "The request body is not the JSON this call takes."),
            (malformed.StatusCode, (await ProblemAsync(malformed)).Detail));
        var unknown = await client.GetAsync("/api/v1/nothing-here", Cancel);
        Assert.Equal((HttpStatusCode.NotFound, "There is no such API call."), (unknown.StatusCode, (await ProblemAsync(unknown)).Detail));
        var huge = await client.PostAsync("/api/v1/channels/general/messages",
            new StringContent($"{{\"text\": \"{new string('x', 300_000)}\"}}", System.Text.Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "Request bodies are at most 256 KB."), (huge.StatusCode, (await ProblemAsync(huge)).Detail));
        Assert.Equal(0, await CountMessagesAsync());
    }

    [Fact]
    public async Task PostMessage_SixteenConcurrentIdenticalRequests_MakeOneMessageAndIdenticalAnswers()
    {
        var client = await ClientForAsync(OwnerId);
        var body = new { text = "exactly once", clientMessageId = Guid.NewGuid() };

        var responses = await Task.WhenAll(Enumerable.Range(0, 16)
            .Select(_ => client.PostAsJsonAsync("/api/v1/channels/general/messages", body, Cancel)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(15, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var answers = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<ApiPosted>(Cancel)));
        Assert.Single(answers.Distinct());
        Assert.Equal(1, await CountMessagesAsync());
    }

    [Fact]
    public async Task GetMessages_PagesForwardAndBackward_AndRefusesBadPaging()
    {
        var client = await ClientForAsync(OwnerId);
        for (var i = 1; i <= 7; i++)
            await PostAsync(client, "general", $"message {i}");

        var newest = await client.GetFromJsonAsync<ApiMessagePage>("/api/v1/channels/general/messages?limit=3", Cancel);
        var before = await client.GetFromJsonAsync<ApiMessagePage>("/api/v1/channels/general/messages?before=5&limit=3", Cancel);
        var after = await client.GetFromJsonAsync<ApiMessagePage>("/api/v1/channels/general/messages?after=4&limit=10", Cancel);
        var both = await client.GetAsync("/api/v1/channels/general/messages?after=1&before=5", Cancel);
        var tooMany = await client.GetAsync("/api/v1/channels/general/messages?limit=100000", Cancel);

        Assert.Equal("5 6 7, more", Describe(newest!));
        Assert.Equal("2 3 4, more", Describe(before!));
        Assert.Equal("5 6 7, no more", Describe(after!));
        Assert.Equal("message 5", after!.Messages[0].Text);
        Assert.Equal((HttpStatusCode.BadRequest, "Page with one of before, after or around."), (both.StatusCode, (await ProblemAsync(both)).Detail));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Fact]
    public async Task Tokens_NeverReadAPrivateChannelTheirOwnerIsNotIn()
    {
        var ann = await JoinAsync("Ann");
        var secret = await Send.Send(new CreateChannel(OwnerId, "secret", IsPrivate: true), Cancel);
        await PostAsync(await ClientForAsync(OwnerId), "secret", "the launch code");
        var client = await ClientForAsync(ann);

        foreach (var path in new[] { "/api/v1/channels/secret/messages", $"/api/v1/channels/{secret.Id}/messages",
                     $"/api/v1/channels/{secret.Id}/messages?after=0" })
        {
            var response = await client.GetAsync(path, Cancel);
            Assert.Equal((path, HttpStatusCode.NotFound), (path, response.StatusCode));
            Assert.Equal(NoSuchChannel, (await ProblemAsync(response)).Detail);
        }
        Assert.DoesNotContain((await client.GetFromJsonAsync<List<ApiChannel>>("/api/v1/channels", Cancel))!, c => c.Name == "secret");
    }

    [Fact]
    public async Task EditDeleteReactAndRead_WorkOnOnesOwnMessagesAndRefuseOthers()
    {
        var ann = await JoinAsync("Ann");
        var owner = await ClientForAsync(OwnerId);
        var annClient = await ClientForAsync(ann);
        var mine = await PostAsync(owner, "general", "first draft");
        await PostAsync(owner, "general", "second");

        var edited = await owner.PatchAsJsonAsync($"/api/v1/messages/{mine.Id}", new { text = "final draft" }, Cancel);
        var notHers = await annClient.PatchAsJsonAsync($"/api/v1/messages/{mine.Id}", new { text = "hijacked" }, Cancel);
        var nowhere = await owner.PatchAsJsonAsync($"/api/v1/messages/{Guid.NewGuid()}", new { text = "?" }, Cancel);
        var reacted = await annClient.PostAsJsonAsync($"/api/v1/messages/{mine.Id}/reactions", new { emoji = "🎉" }, Cancel);
        var badEmoji = await annClient.PostAsJsonAsync($"/api/v1/messages/{mine.Id}/reactions", new { emoji = "not an emoji" }, Cancel);
        var read = await annClient.PostAsJsonAsync("/api/v1/channels/general/read", new { seq = 2 }, Cancel);
        var deleteHers = await annClient.DeleteAsync($"/api/v1/messages/{mine.Id}", Cancel);
        var deleted = await owner.DeleteAsync($"/api/v1/messages/{mine.Id}", Cancel);

        Assert.Equal("final draft", (await edited.Content.ReadFromJsonAsync<ApiMessage>(Cancel))!.Text);
        Assert.Equal((HttpStatusCode.Forbidden, "You can only edit your own messages."), (notHers.StatusCode, (await ProblemAsync(notHers)).Detail));
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
        var reaction = Assert.Single((await reacted.Content.ReadFromJsonAsync<ApiMessage>(Cancel))!.Reactions);
        Assert.Equal(("🎉", 1, ann), (reaction.Emoji, reaction.Count, reaction.UserIds.Single()));
        Assert.Equal(HttpStatusCode.BadRequest, badEmoji.StatusCode);
        Assert.Equal(new ApiReadPointer(2), await read.Content.ReadFromJsonAsync<ApiReadPointer>(Cancel));
        Assert.Equal(0, (await annClient.GetFromJsonAsync<List<ApiChannel>>("/api/v1/channels", Cancel))!.Single().Unread);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NoContent), (deleteHers.StatusCode, deleted.StatusCode));
        var tombstone = (await owner.GetFromJsonAsync<ApiMessagePage>("/api/v1/channels/general/messages", Cancel))!.Messages[0];
        Assert.Equal((true, ""), (tombstone.Deleted, tombstone.Text));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryApiCallAndNothingElse_AndHasAPageForPeople()
    {
        var client = ClientWith(null);
        using var document = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Cancel));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["/api/v1/channels", "/api/v1/channels/{channel}/messages", "/api/v1/channels/{channel}/read",
            "/api/v1/events", "/api/v1/messages/{id}", "/api/v1/messages/{id}/reactions"], paths);
        Assert.Equal("Workspace API", document.RootElement.GetProperty("info").GetProperty("title").GetString());
        var page = await client.GetAsync("/api/docs/index.html", Cancel);
        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
    }

    private static string Describe(ApiMessagePage page) =>
        $"{string.Join(' ', page.Messages.Select(m => m.Seq))}, {(page.HasMore ? "more" : "no more")}";

    private async Task<ApiPosted> PostAsync(HttpClient client, string channel, string text)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/channels/{channel}/messages", new { text, clientMessageId = Guid.NewGuid() }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ApiPosted>(Cancel))!;
    }

    private async Task<Guid> GeneralAsync()
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkspaceDb>().Channels
            .Where(c => c.Name == Channel.General).Select(c => c.Id).SingleAsync(Cancel);
    }

    private async Task<int> CountMessagesAsync()
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkspaceDb>().Messages.CountAsync(Cancel);
    }
}
