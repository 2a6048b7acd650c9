using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;
using Workspace.Domain.Integrations;
using Workspace.Domain.Messages;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Reactions;

namespace Workspace.Web.Api;

/// <summary>
/// <c>POST /hooks/{token}</c>: Slack's incoming-webhook body (<c>text</c>, optional <c>username</c> and
/// <c>icon_emoji</c>; anything else ignored) as JSON or as a form field <c>payload</c>, its formatting translated
/// (<see cref="SlackText"/>), so an existing Slack integration works by changing its URL. Answers <c>ok</c> as Slack does.
/// </summary>
public static class WebhookEndpoints
{
    public static void MapWebhookEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/hooks/{token}", async (string token, HttpContext context, Sender sender) =>
        {
            if (await sender.Send(new FindIncomingWebhook(token), context.RequestAborted) is not { } hook)
                return Results.Problem("This webhook does not exist or was revoked.", statusCode: StatusCodes.Status404NotFound);
            if (await ReadAsync(context) is not { } body)
                return Results.Problem("Send a JSON body such as {\"text\": \"Hello\"}, or a form field 'payload' holding one.",
                    statusCode: StatusCodes.Status400BadRequest);
            // Each call is a new message: Slack's hooks have no id to retry with.
            await sender.Send(new PostMessage(hook.BotId, hook.ChannelId, SlackText.ToMarkdown(body.Text ?? ""), Guid.NewGuid(),
                PostedAs: string.IsNullOrWhiteSpace(body.Username) ? null : body.Username.Trim(),
                PostedIcon: EmojiCatalog.FromShortcode(body.IconEmoji)), CancellationToken.None);
            return Results.Text("ok");
        }).AddEndpointFilter<ApiProblems>().DisableAntiforgery().ExcludeFromDescription();

    /// <summary>
    /// JSON whatever the content type claims (curl's <c>-d</c> says form), or Slack's form with a <c>payload</c> field.
    /// </summary>
    private static async Task<SlackMessage?> ReadAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var raw = (await reader.ReadToEndAsync(context.RequestAborted)).Trim();
        var json = raw.StartsWith('{')
            ? raw
            : QueryHelpers.ParseQuery(raw).TryGetValue("payload", out var payload) ? payload.ToString() : null;
        try
        {
            return json is null ? null : JsonSerializer.Deserialize<SlackMessage>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record SlackMessage(
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("username")] string? Username,
        [property: JsonPropertyName("icon_emoji")] string? IconEmoji);
}
