using System.Net;
using System.Net.Http.Json;
using Workspace.Domain.Admin;
using Workspace.Domain.Channels;
using Workspace.Domain.Integrations;
using Workspace.Web.Api;

namespace Workspace.E2E.Api;

public sealed class BotApiTests : ApiTest
{
    [Fact]
    public async Task BotToken_PostsThroughTheApiAsTheBot_InTheChannelsItWasAddedTo()
    {
        var botId = await Send.Send(new CreateBot(OwnerId, "Deploy Bot"), Cancel);
        var token = await Send.Send(new CreateBotToken(OwnerId, botId), Cancel);
        var general = (await Send.Send(new OpenChannel(OwnerId, Channel.General), Cancel)).Id;
        var bot = ClientWith(token.Token);

        var before = await bot.PostAsJsonAsync("/api/v1/channels/general/messages", new { text = "hi", clientMessageId = Guid.NewGuid() }, Cancel);
        await Send.Send(new AdminAddChannelMember(OwnerId, general, "deploy.bot"), Cancel);
        var after = await bot.PostAsJsonAsync("/api/v1/channels/general/messages", new { text = "deployed", clientMessageId = Guid.NewGuid() }, Cancel);

        Assert.Equal((HttpStatusCode.Forbidden, "Join #general first."), (before.StatusCode, (await ProblemAsync(before)).Detail));
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        var message = Assert.Single((await bot.GetFromJsonAsync<ApiMessagePage>("/api/v1/channels/general/messages", Cancel))!.Messages);
        Assert.Equal(("deployed", "deploy.bot"), (message.Text, message.Author.Handle));
        Assert.Contains((await bot.GetFromJsonAsync<List<ApiChannel>>("/api/v1/channels", Cancel))!, c => c.Name == "general");
    }
}
