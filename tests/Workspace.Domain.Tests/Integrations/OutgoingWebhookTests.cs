using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Workspace.Domain.Admin;
using Workspace.Domain.Audit;
using Workspace.Domain.Common;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Integrations;
using Workspace.Domain.Messages;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Integrations;

public sealed class OutgoingWebhookTests
{
    private const string HookUrl = "https://hooks.example.com/workspace";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenItMentionsAMemberBotWithAUrl_QueuesOneDeliveryWithTheMessage(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var bot = await BotAsync(workspace, "Deploy Bot", url: HookUrl, channelId: general);

        var posted = await workspace.PostAsync(ann, general, "@deploy.bot ship it");
        var reply = (await workspace.Send.Send(new PostMessage(ann, general, "and @deploy.bot again", Guid.NewGuid(),
            ThreadRootSeq: posted.Seq), Cancel)).Message;

        var deliveries = await DeliveriesAsync(workspace);
        Assert.Equal([(bot, posted.Id), (bot, reply.Id)], deliveries.Select(d => (d.BotId, d.MessageId)));
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Pending, 0), (d.Status, d.Attempts)));
        using var payload = JsonDocument.Parse(deliveries[0].Payload);
        var root = payload.RootElement;
        Assert.Equal("message", root.GetProperty("type").GetString());
        Assert.Equal((bot.ToString(), "deploy.bot"), (root.GetProperty("bot").GetProperty("id").GetString(),
            root.GetProperty("bot").GetProperty("handle").GetString()));
        Assert.Equal((general.ToString(), "general"), (root.GetProperty("channel").GetProperty("id").GetString(),
            root.GetProperty("channel").GetProperty("name").GetString()));
        var message = root.GetProperty("message");
        Assert.Equal((posted.Id.ToString(), posted.Seq, JsonValueKind.Null, "@deploy.bot ship it"),
            (message.GetProperty("id").GetString(), message.GetProperty("seq").GetInt64(),
                message.GetProperty("threadRootSeq").ValueKind, message.GetProperty("text").GetString()));
        Assert.Equal((ann.ToString(), "Ann Lee", "ann.lee"), (message.GetProperty("author").GetProperty("id").GetString(),
            message.GetProperty("author").GetProperty("name").GetString(), message.GetProperty("author").GetProperty("handle").GetString()));
        // The database keeps times to the microsecond (SQLite: to the tick of its own encoding), the payload as posted.
        Assert.Equal(posted.CreatedAt, message.GetProperty("createdAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        using var replyPayload = JsonDocument.Parse(deliveries[1].Payload);
        Assert.Equal(posted.Seq, replyPayload.RootElement.GetProperty("message").GetProperty("threadRootSeq").GetInt64());
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenTheMentionedBotIsNoMemberOrHasNoUrl_QueuesNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();
        await BotAsync(workspace, "Outside Bot", url: HookUrl, channelId: null);
        await BotAsync(workspace, "Quiet Bot", url: null, channelId: general);
        var cleared = await BotAsync(workspace, "Cleared Bot", url: HookUrl, channelId: general);
        await workspace.Send.Send(new SetOutgoingWebhook(workspace.OwnerId, cleared, Url: " "), Cancel);

        var posted = await workspace.Send.Send(new PostMessage(workspace.OwnerId, general,
            "@outside.bot @quiet.bot @cleared.bot hello", Guid.NewGuid()), Cancel);

        Assert.Equal(["outside.bot"], posted.NotInChannel);
        Assert.Empty(await DeliveriesAsync(workspace));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_InADirectConversationWithABot_QueuesADeliveryButNotForTheBotsOwnReply(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var bot = await BotAsync(workspace, "Help Bot", url: HookUrl, channelId: null);
        var conversation = await workspace.Send.Send(new OpenDirectConversation(workspace.OwnerId, ["help.bot"]), Cancel);

        var question = await workspace.PostAsync(workspace.OwnerId, conversation.Id, "how do I deploy?");
        await workspace.PostAsync(bot, conversation.Id, "run ./deploy");

        var delivery = Assert.Single(await DeliveriesAsync(workspace));
        Assert.Equal((bot, question.Id), (delivery.BotId, delivery.MessageId));
    }

    [Theory]
    [InlineData("ftp://example.com/hook", "Outgoing URLs start with https:// or http://.")]
    [InlineData("example.com/hook", "Enter the whole address, such as https://example.com/hooks/workspace.")]
    [InlineData("https://user:secret@example.com/hook", "Leave the user name and password out of the URL; check the signature header instead.")]
    public async Task SetOutgoingWebhook_WithAnAddressThatIsNoWebUrl_IsRefusedSayingWhy(string url, string expected)
    {
        await using var workspace = await TestWorkspace.CreateAsync(TestWorkspace.Sqlite);
        var bot = await BotAsync(workspace, "Deploy Bot", url: null, channelId: null);

        var refused = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await workspace.Send.Send(new SetOutgoingWebhook(workspace.OwnerId, bot, url), Cancel));
        var tooLong = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await workspace.Send.Send(new SetOutgoingWebhook(workspace.OwnerId, bot, "https://example.com/" + new string('a', 2000)), Cancel));

        Assert.Equal(expected, refused.Message);
        Assert.Equal("Outgoing URLs are at most 2000 characters.", tooLong.Message);
        Assert.Equal(0, await workspace.QueryDbAsync(db => db.OutgoingWebhooks.CountAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task SetOutgoingWebhook_EachTime_MakesANewSecretAndIsAudited(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var bot = await BotAsync(workspace, "Deploy Bot", url: null, channelId: null);

        var first = await workspace.Send.Send(new SetOutgoingWebhook(workspace.OwnerId, bot, HookUrl), Cancel);
        var second = await workspace.Send.Send(new SetOutgoingWebhook(workspace.OwnerId, bot, "http://other.example.com/in"), Cancel);
        var view = Assert.Single(await workspace.Send.Send(new GetBots(workspace.OwnerId), Cancel));
        var removed = await workspace.Send.Send(new SetOutgoingWebhook(workspace.OwnerId, bot, null), Cancel);

        Assert.StartsWith("whsec_", first);
        Assert.NotEqual(first, second);
        Assert.Null(removed);
        Assert.Equal("http://other.example.com/in", view.OutgoingUrl);
        var log = await workspace.Send.Send(new GetAuditLog(workspace.OwnerId), Cancel);
        Assert.Equal([AuditActions.OutgoingWebhookRemoved, AuditActions.OutgoingWebhookSet, AuditActions.OutgoingWebhookSet],
            log.Entries.Where(e => e.Action.StartsWith("bot.outgoing", StringComparison.Ordinal)).Select(e => e.Action));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task SetBotAvatar_ForABot_ShowsOnItsMessagesButNotForAPerson(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();
        var bot = await BotAsync(workspace, "Deploy Bot", url: null, channelId: general);
        var ann = await workspace.AddMemberAsync("Ann Lee");

        var version = await workspace.Send.Send(new SetBotAvatar(workspace.OwnerId, bot, Png()), Cancel);
        var posted = await workspace.PostAsync(bot, general, "with a face");
        var person = await Assert.ThrowsAsync<NotFoundException>(async () =>
            await workspace.Send.Send(new SetBotAvatar(workspace.OwnerId, ann, Png()), Cancel));

        Assert.Equal((1, 1), (version, posted.AuthorAvatarVersion));
        Assert.True(File.Exists(Path.Combine(workspace.StoragePath, "avatars", $"{bot}.png")));
        Assert.Equal("There is no such bot.", person.Message);
        Assert.Contains((await workspace.Send.Send(new GetAuditLog(workspace.OwnerId), Cancel)).Entries,
            e => e.Action == AuditActions.BotAvatarChanged && e.Target == "Deploy Bot (@deploy.bot)");
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task DeliverDue_ToAnAllowedLoopbackReceiver_PostsEachRowOnceSignedAndMarksItDelivered(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        await using var receiver = new LoopbackReceiver();
        var general = await workspace.GeneralIdAsync();
        var bot = await BotAsync(workspace, "Deploy Bot", url: null, channelId: general);
        var secret = await workspace.Send.Send(new SetOutgoingWebhook(workspace.OwnerId, bot, receiver.Url), Cancel);
        await workspace.Send.Send(new AllowPrivateNetworkTargets(workspace.OwnerId, Allowed: true), Cancel);
        for (var i = 0; i < 5; i++)
            await workspace.PostAsync(workspace.OwnerId, general, $"@deploy.bot number {i}");
        var dispatcher = await workspace.QueryDbAsync(db => Task.FromResult(db.GetService<OutgoingDispatcher>()));

        // Two workers at once, as two nodes would be: the claim keeps them off each other's rows.
        await Task.WhenAll(dispatcher.DeliverDueAsync(Cancel), dispatcher.DeliverDueAsync(Cancel));

        Assert.Null(await dispatcher.DeliverDueAsync(Cancel));
        var deliveries = await DeliveriesAsync(workspace);
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Delivered, 1, 200), (d.Status, d.Attempts, d.LastStatusCode)));
        var received = receiver.Received.ToList();
        Assert.Equal(deliveries.Select(d => d.Id.ToString()).Order(), received.Select(r => r.Headers["X-Workspace-Delivery"]).Order());
        Assert.All(received, r => Assert.Equal(
            "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret!), r.Body)),
            r.Headers["X-Workspace-Signature"]));
        Assert.Equal(deliveries.Select(d => d.Payload).Order(), received.Select(r => Encoding.UTF8.GetString(r.Body)).Order());
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task DeliverDue_ToALoopbackReceiverNotAllowed_RefusesAtOnceAndSaysWhy(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        await using var receiver = new LoopbackReceiver();
        var general = await workspace.GeneralIdAsync();
        var bot = await BotAsync(workspace, "Deploy Bot", url: receiver.Url, channelId: general);
        await workspace.PostAsync(workspace.OwnerId, general, "@deploy.bot are you there?");
        var dispatcher = await workspace.QueryDbAsync(db => Task.FromResult(db.GetService<OutgoingDispatcher>()));

        Assert.Null(await dispatcher.DeliverDueAsync(Cancel));

        Assert.Empty(receiver.Received);
        var view = Assert.Single(await workspace.Send.Send(new GetBots(workspace.OwnerId), Cancel)).LastDelivery;
        Assert.NotNull(view);
        Assert.Equal((DeliveryStatus.Failed, 1), (view.Status, view.Attempts));
        Assert.Equal($"refused: 127.0.0.1 is a loopback address; {PrivateNetworks.HowToAllow}", view.LastError);
        Assert.Equal(bot, Assert.Single(await DeliveriesAsync(workspace)).BotId);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task DeliverDue_WhenTheReceiverFails_RetriesAfterTheBackoffUntilMaxAttempts(string provider)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);
        await using var receiver = new LoopbackReceiver(status: 503);
        var general = await workspace.GeneralIdAsync();
        await BotAsync(workspace, "Deploy Bot", url: receiver.Url, channelId: general);
        await workspace.Send.Send(new AllowPrivateNetworkTargets(workspace.OwnerId, Allowed: true), Cancel);
        await workspace.PostAsync(workspace.OwnerId, general, "@deploy.bot flaky");
        var dispatcher = await workspace.QueryDbAsync(db => Task.FromResult(db.GetService<OutgoingDispatcher>()));
        var options = new OutgoingWebhookOptions();

        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt < options.MaxAttempts; attempt++)
        {
            var next = await dispatcher.DeliverDueAsync(Cancel);
            Assert.NotNull(next);
            waits.Add(next.Value - clock.GetUtcNow());
            clock.Advance(waits[^1] - TimeSpan.FromTicks(TimeSpan.TicksPerMillisecond));
            Assert.Equal(next, await dispatcher.DeliverDueAsync(Cancel));
            clock.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerMillisecond));
        }
        Assert.Null(await dispatcher.DeliverDueAsync(Cancel));

        Assert.Equal([10, 20, 40, 80, 160, 320, 640], waits.Select(w => w.TotalSeconds));
        var delivery = Assert.Single(await DeliveriesAsync(workspace));
        Assert.Equal((DeliveryStatus.Failed, 8, 503, "HTTP 503 Status"),
            (delivery.Status, delivery.Attempts, delivery.LastStatusCode, delivery.LastError));
        Assert.Equal(8, receiver.Received.Count);
    }

    private static async Task<Guid> BotAsync(TestWorkspace workspace, string name, string? url, Guid? channelId)
    {
        var bot = await workspace.Send.Send(new CreateBot(workspace.OwnerId, name), Cancel);
        if (url is not null)
            await workspace.Send.Send(new SetOutgoingWebhook(workspace.OwnerId, bot, url), Cancel);
        if (channelId is { } channel)
            await workspace.Send.Send(new AdminAddChannelMember(workspace.OwnerId, channel, await workspace.HandleOfAsync(bot)), Cancel);
        return bot;
    }

    private static Task<List<OutgoingDelivery>> DeliveriesAsync(TestWorkspace workspace) =>
        workspace.QueryDbAsync(db => db.OutgoingDeliveries.AsNoTracking().OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).ToListAsync(Cancel));

    private static byte[] Png() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
}
