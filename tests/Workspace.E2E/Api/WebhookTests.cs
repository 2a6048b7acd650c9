using System.Net;
using System.Net.Http.Json;
using System.Text;
using Workspace.Domain.Channels;
using Workspace.Domain.Integrations;
using Workspace.Web.Api;

namespace Workspace.E2E.Api;

/// <summary>Slack-compatible incoming webhooks: what existing integrations send, unchanged but for the URL.</summary>
public sealed class WebhookTests : ApiTest
{
    [Fact]
    public async Task SlackShapedBodies_PostAsTheHooksBot_UnderTheirUsernameAndEmoji()
    {
        var (url, _) = await HookAsync();
        var anonymous = ClientWith(null);

        var json = await anonymous.PostAsync(url, new StringContent(
            """{"text": "Build *passed*", "username": "Jenkins", "icon_emoji": ":rocket:", "channel": "#ignored", "mrkdwn": true}""",
            Encoding.UTF8, "application/json"), Cancel);
        // curl -d without a content type, and Slack's own form encoding with a payload field.
        var curl = await anonymous.PostAsync(url, new StringContent("""{"text": "plain curl"}""", Encoding.UTF8,
            "application/x-www-form-urlencoded"), Cancel);
        var form = await anonymous.PostAsync(url, new FormUrlEncodedContent([new("payload", """{"text": "from a form"}""")]), Cancel);

        foreach (var response in new[] { json, curl, form })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("ok", await response.Content.ReadAsStringAsync(Cancel));
        }
        var history = await (await ClientForAsync(OwnerId)).GetFromJsonAsync<ApiMessagePage>("/api/v1/channels/general/messages", Cancel);
        // Slack's *bold* becomes this workspace's **bold**.
        Assert.Equal(["Build **passed**", "plain curl", "from a form"], history!.Messages.Select(m => m.Text));
        Assert.Equal("<p>Build <strong>passed</strong></p>", history.Messages[0].Html.Trim());
        Assert.All(history.Messages, m => Assert.Equal("ci", m.Author.Handle));
    }

    [Fact]
    public async Task Webhooks_WhenTheUrlOrBodyIsWrong_AnswerWithAProblemAndPostNothing()
    {
        var (url, id) = await HookAsync();
        var anonymous = ClientWith(null);

        var noText = await anonymous.PostAsJsonAsync(url, new { username = "Nobody" }, Cancel);
        var notJson = await anonymous.PostAsync(url, new StringContent("hello", Encoding.UTF8, "text/plain"), Cancel);
        var unknown = await anonymous.PostAsJsonAsync("/hooks/not-a-real-token", new { text = "hi" }, Cancel);
        await Send.Send(new RevokeIncomingWebhook(OwnerId, id), Cancel);
        var revoked = await anonymous.PostAsJsonAsync(url, new { text = "too late" }, Cancel);

        Assert.Equal((HttpStatusCode.BadRequest, "Write something before sending."), (noText.StatusCode, (await ProblemAsync(noText)).Detail));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, "This webhook does not exist or was revoked."), (unknown.StatusCode, (await ProblemAsync(unknown)).Detail));
        Assert.Equal((HttpStatusCode.NotFound, "This webhook does not exist or was revoked."), (revoked.StatusCode, (await ProblemAsync(revoked)).Detail));
        var history = await (await ClientForAsync(OwnerId)).GetFromJsonAsync<ApiMessagePage>("/api/v1/channels/general/messages", Cancel);
        Assert.Empty(history!.Messages);
    }

    private async Task<(string Url, Guid Id)> HookAsync()
    {
        var general = (await Send.Send(new OpenChannel(OwnerId, Channel.General), Cancel)).Id;
        var hook = await Send.Send(new CreateIncomingWebhook(OwnerId, general, "CI"), Cancel);
        return ($"/hooks/{hook.Token}", hook.Id);
    }
}
