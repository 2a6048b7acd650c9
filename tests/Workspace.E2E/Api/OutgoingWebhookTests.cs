using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Workspace.Domain.Admin;
using Workspace.Domain.Channels;
using Workspace.Domain.Integrations;
using Workspace.E2E.Support;

namespace Workspace.E2E.Api;

/// <summary>Outgoing webhooks as a receiver sees them: the real app's worker calling a receiver on this machine.</summary>
public sealed class OutgoingWebhookTests : ApiTest
{
    protected override (string Key, string Value)[] Settings => [("OutgoingWebhooks:RetryBaseDelay", "00:00:00.2")];

    [Fact]
    public async Task Mention_WhenTheReceiverFailsTwice_ArrivesOnTheThirdAttemptWithOneDeliveryIdAndValidSignatures()
    {
        await using var receiver = await HookReceiver.StartAsync(failFirst: 2);
        var (botId, secret) = await BotAsync(receiver.Url);
        await Send.Send(new AllowPrivateNetworkTargets(OwnerId, Allowed: true), Cancel);

        var posted = await (await ClientForAsync(OwnerId)).PostAsJsonAsync("/api/v1/channels/general/messages",
            new { text = "@pager.bot wake up", clientMessageId = Guid.NewGuid() }, Cancel);
        var accepted = await receiver.AcceptedAsync(Server);

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var calls = receiver.Calls;
        Assert.Equal([500, 500, 200], calls.Select(c => c.AnsweredWith));
        Assert.Single(calls.Select(c => c.Headers["X-Workspace-Delivery"]).Distinct());
        Assert.All(calls, c => Assert.Equal(
            "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), c.Body)),
            c.Headers["X-Workspace-Signature"]));
        Assert.Equal("application/json; charset=utf-8", accepted.Headers["Content-Type"]);
        using var payload = JsonDocument.Parse(accepted.Body);
        Assert.Equal(("message", "pager.bot", "general", "@pager.bot wake up", "olivia.owner"),
            (payload.RootElement.GetProperty("type").GetString(),
                payload.RootElement.GetProperty("bot").GetProperty("handle").GetString(),
                payload.RootElement.GetProperty("channel").GetProperty("name").GetString(),
                payload.RootElement.GetProperty("message").GetProperty("text").GetString(),
                payload.RootElement.GetProperty("message").GetProperty("author").GetProperty("handle").GetString()));
        var delivery = await LastDeliveryAsync(botId, d => d.Status == DeliveryStatus.Delivered);
        Assert.Equal((3, 200, Guid.Parse(accepted.Headers["X-Workspace-Delivery"])), (delivery.Attempts, delivery.LastStatusCode, delivery.Id));
    }

    [Fact]
    public async Task Mention_WhilePrivateAddressesAreNotAllowed_NeverReachesALoopbackReceiverAndSaysWhy()
    {
        await using var receiver = await HookReceiver.StartAsync();
        var (botId, _) = await BotAsync(receiver.Url);

        await (await ClientForAsync(OwnerId)).PostAsJsonAsync("/api/v1/channels/general/messages",
            new { text = "@pager.bot anyone home?", clientMessageId = Guid.NewGuid() }, Cancel);
        var delivery = await LastDeliveryAsync(botId, d => d.Status != DeliveryStatus.Pending || d.Attempts > 0);

        Assert.Equal((DeliveryStatus.Failed, 1, null), (delivery.Status, delivery.Attempts, delivery.LastStatusCode));
        Assert.Equal($"refused: 127.0.0.1 is a loopback address; {PrivateNetworks.HowToAllow}", delivery.LastError);
        Assert.Empty(receiver.Calls);
    }

    private async Task<(Guid BotId, string Secret)> BotAsync(string url)
    {
        var botId = await Send.Send(new CreateBot(OwnerId, "Pager Bot"), Cancel);
        var general = (await Send.Send(new OpenChannel(OwnerId, Channel.General), Cancel)).Id;
        await Send.Send(new AdminAddChannelMember(OwnerId, general, "pager.bot"), Cancel);
        var secret = await Send.Send(new SetOutgoingWebhook(OwnerId, botId, url), Cancel);
        return (botId, secret!);
    }

    /// <summary>
    /// The bot's latest delivery once <paramref name="settled"/> holds, as the admin page would show it. The worker
    /// records an outcome just after the receiver answers, so this asks again until it has.
    /// </summary>
    private async Task<DeliveryView> LastDeliveryAsync(Guid botId, Func<DeliveryView, bool> settled)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        deadline.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            var bot = (await Send.Send(new GetBots(OwnerId), deadline.Token)).Single(b => b.Id == botId);
            if (bot.LastDelivery is { } delivery && settled(delivery))
                return delivery;
            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }
}
