using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Workspace.Domain.Admin;
using Workspace.Domain.Common;
using Workspace.Domain.Integrations;
using Workspace.Domain.Pipeline;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Components.Admin;

/// <summary>
/// Incoming webhooks, bots and their tokens, pictures and outgoing webhooks, for admins, with how each bot's latest
/// outgoing delivery went so that an admin can see why a receiver hears nothing.
/// </summary>
public sealed partial class IntegrationsPage
{
    [CascadingParameter] private Viewer Viewer { get; set; } = default!;

    [Inject] private Sender Sender { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private WebhookForm form = new();
    private IReadOnlyList<AdminChannel> channels = [];
    private IReadOnlyList<WebhookView> hooks = [];
    private string? url;
    private string? error;
    private BotForm botForm = new();
    private IReadOnlyList<BotView> bots = [];
    private string? botToken;

    private Guid chosenBotId;
    private OutgoingForm outgoingForm = new();
    private string? secret;
    private string? botError;
    private bool uploading;
    private bool allowPrivate;

    private BotView? ChosenBot => bots.FirstOrDefault(b => b.Id == chosenBotId && b.IsActive);

    protected override async Task OnInitializedAsync()
    {
        channels = (await Sender.Send(new GetAdminChannels(Viewer.Id, Limit: 200))).Channels.Where(c => !c.IsArchived).ToList();
        hooks = await Sender.Send(new GetIncomingWebhooks(Viewer.Id));
        bots = await Sender.Send(new GetBots(Viewer.Id));
        allowPrivate = (await Sender.Send(new GetWorkspaceSettings(Viewer.Id))).AllowPrivateNetworkTargets;
    }

    private async Task CreateBotAsync()
    {
        try
        {
            var botId = await Sender.Send(new CreateBot(Viewer.Id, botForm.Name));
            botForm = new BotForm();
            await NewTokenAsync(botId);
        }
        catch (DomainException e)
        {
            error = e.Message;
        }
    }

    private async Task NewTokenAsync(Guid botId)
    {
        try
        {
            botToken = (await Sender.Send(new CreateBotToken(Viewer.Id, botId))).Token;
            error = null;
            bots = await Sender.Send(new GetBots(Viewer.Id));
        }
        catch (DomainException e)
        {
            error = e.Message;
        }
    }

    private async Task CreateAsync()
    {
        try
        {
            var created = await Sender.Send(new CreateIncomingWebhook(Viewer.Id, form.ChannelId, form.Name));
            url = $"{Navigation.BaseUri}hooks/{created.Token}";
            form = new WebhookForm();
            error = null;
            hooks = await Sender.Send(new GetIncomingWebhooks(Viewer.Id));
            bots = await Sender.Send(new GetBots(Viewer.Id));
        }
        catch (DomainException e)
        {
            error = e.Message;
        }
    }

    private async Task RevokeAsync(WebhookView hook)
    {
        await Sender.Send(new RevokeIncomingWebhook(Viewer.Id, hook.Id));
        hooks = await Sender.Send(new GetIncomingWebhooks(Viewer.Id));
    }

    private void BotChosen()
    {
        outgoingForm = new OutgoingForm { Url = ChosenBot?.OutgoingUrl ?? "" };
        secret = null;
        botError = null;
    }

    private async Task UploadAvatarAsync(InputFileChangeEventArgs e)
    {
        botError = null;
        uploading = true;
        try
        {
            await Sender.Send(new SetBotAvatar(Viewer.Id, chosenBotId, await PictureUpload.ReadAsync(e.File)));
            bots = await Sender.Send(new GetBots(Viewer.Id));
        }
        catch (DomainException ex)
        {
            botError = ex.Message;
        }
        finally
        {
            uploading = false;
        }
    }

    private async Task SaveOutgoingAsync()
    {
        try
        {
            secret = await Sender.Send(new SetOutgoingWebhook(Viewer.Id, chosenBotId, outgoingForm.Url));
            botError = null;
            bots = await Sender.Send(new GetBots(Viewer.Id));
        }
        catch (DomainException e)
        {
            botError = e.Message;
        }
    }

    private async Task AllowPrivateAsync(ChangeEventArgs e)
    {
        var allowed = e.Value is true;
        await Sender.Send(new AllowPrivateNetworkTargets(Viewer.Id, allowed));
        allowPrivate = allowed;
    }

    private static string DeliveryClass(DeliveryView? delivery) => delivery?.Status switch
    {
        DeliveryStatus.Delivered => "delivered",
        DeliveryStatus.Failed => "failed",
        DeliveryStatus.Pending => "retrying",
        _ => "none",
    };

    /// <summary>The latest delivery in a line: what happened, and for one not delivered, why.</summary>
    private string DeliveryText(BotView bot)
    {
        var waiting = bot.Waiting > 1 ? $" ({bot.Waiting} waiting)" : "";
        return bot.LastDelivery switch
        {
            null => "No deliveries yet",
            { Status: DeliveryStatus.Delivered } d => $"Last delivery: delivered {Time(d.DeliveredAt ?? d.CreatedAt)}{waiting}",
            { Status: DeliveryStatus.Failed } d =>
                $"Last delivery: failed after {Attempts(d.Attempts)}: {d.LastError}{waiting}",
            { Attempts: 0 } d => $"Last delivery: queued {Time(d.CreatedAt)}{waiting}",
            var d => $"Last delivery: retrying (attempt {d.Attempts + 1}, next at {Time(d.NextAttemptAt)}): {d.LastError}{waiting}",
        };
    }

    private static string Attempts(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";

    private string Time(DateTimeOffset time) => Viewer.LocalTime(time).ToString("d MMM HH:mm:ss", CultureInfo.InvariantCulture);

    private sealed class BotForm
    {
        public string Name { get; set; } = "";
    }

    private sealed class WebhookForm
    {
        public string Name { get; set; } = "";
        public Guid ChannelId { get; set; }
    }

    private sealed class OutgoingForm
    {
        public string Url { get; set; } = "";
    }
}
