using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Workspace.Domain.Channels;
using Workspace.Domain.Messages;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Reactions;
using Workspace.Domain.Unread;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Api;

/// <summary>
/// <c>/api/v1</c>: the same commands and queries the pages send, for integrations, with a personal access token.
/// Every rule and refusal is the domain's; this only translates JSON and statuses.
/// </summary>
public static class ApiEndpoints
{
    /// <summary>A message of the maximum length in any script fits easily; anything larger is refused with 413.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    public static void MapApiEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(new AuthorizationPolicyBuilder(BearerTokenAuthentication.SchemeName).RequireAuthenticatedUser().Build())
            .AddEndpointFilter<ApiProblems>()
            .RequireRateLimiting(ApiRateLimits.Policy)
            .DisableAntiforgery();

        api.MapGet("/channels", ListChannelsAsync).WithName("ListChannels").WithTags("Channels")
            .WithSummary("The channels and conversations the caller belongs to, with unread and mention counts.");
        api.MapPost("/channels/{channel}/messages", PostAsync).WithName("PostMessage").WithTags("Messages")
            .WithSummary("Posts a message (or, with threadRootSeq, a reply). The same clientMessageId again returns the first message with 200.");
        api.MapGet("/channels/{channel}/messages", HistoryAsync).WithName("GetMessages").WithTags("Messages")
            .WithSummary("Messages oldest first: the newest page, those after a seq, or those before one.");
        api.MapPost("/channels/{channel}/read", MarkReadAsync).WithName("MarkRead").WithTags("Channels")
            .WithSummary("Moves the caller's read pointer forward to a seq.");
        api.MapPatch("/messages/{id:guid}", EditAsync).WithName("EditMessage").WithTags("Messages").WithSummary("Replaces the text of one's own message.");
        api.MapDelete("/messages/{id:guid}", DeleteAsync).WithName("DeleteMessage").WithTags("Messages")
            .WithSummary("Deletes one's own message (admins: any); a tombstone stays for every client.");
        api.MapPost("/messages/{id:guid}/reactions", ReactAsync).WithName("ToggleReaction").WithTags("Messages")
            .WithSummary("Adds the caller's reaction with this emoji, or takes it back.");
        api.MapApiEvents();
    }

    private static async Task<Ok<List<ApiChannel>>> ListChannelsAsync(HttpContext context, Sender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok((await sender.Send(new GetSidebar(Caller(context)), cancellationToken)).Select(ApiChannel.From).ToList());

    private static async Task<Results<Created<ApiPosted>, Ok<ApiPosted>>> PostAsync(string channel, ApiNewMessage body,
        HttpContext context, Sender sender, CancellationToken cancellationToken)
    {
        var caller = Caller(context);
        IQuery<ChannelRef> find = Guid.TryParse(channel, out var id)
            ? new FindChannelById(caller, id)
            : new FindChannel(caller, channel.TrimStart('#'));
        var target = await sender.Send(find, cancellationToken);
        // The call's one scope (ApiRequests): the post finds the caller, channel and membership the lookup loaded. No
        // cancellation once the post is sent: a post the client gave up on may still commit, and its retry must find it.
        var posted = await sender.Send(new PostMessage(caller, target.Id, body.Text ?? "", body.ClientMessageId ?? Guid.Empty,
            body.ThreadRootSeq, body.AlsoSendToChannel), CancellationToken.None);
        var m = posted.Message;
        var answer = new ApiPosted(m.Id, target.Name, m.Seq, m.ThreadRootSeq, m.ReplySeq, m.CreatedAt);
        return posted.Created ? TypedResults.Created((string?)null, answer) : TypedResults.Ok(answer);
    }

    private static async Task<Ok<ApiMessagePage>> HistoryAsync(string channel, long? after, long? before, int? limit,
        HttpContext context, Sender sender, CancellationToken cancellationToken)
    {
        var caller = Caller(context);
        var details = await ChannelAsync(sender, caller, channel, cancellationToken);
        var page = await sender.Send(new GetChannelMessages(caller, details.Id, Before: before, After: after,
            Limit: limit ?? MessagePaging.PageSize), cancellationToken);
        var hasMore = after is not null ? page.HasNewer : page.HasOlder;
        return TypedResults.Ok(new ApiMessagePage(page.Messages.Select(ApiMessage.From).ToList(), hasMore));
    }

    private static async Task<Ok<ApiReadPointer>> MarkReadAsync(string channel, ApiRead body, HttpContext context, Sender sender,
        CancellationToken cancellationToken)
    {
        var caller = Caller(context);
        var details = await ChannelAsync(sender, caller, channel, cancellationToken);
        return TypedResults.Ok(new ApiReadPointer(await sender.Send(new MarkChannelRead(caller, details.Id, body.Seq), cancellationToken)));
    }

    private static async Task<Ok<ApiMessage>> EditAsync(Guid id, ApiEdit body, HttpContext context, Sender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(ApiMessage.From(await sender.Send(new EditMessage(Caller(context), id, body.Text ?? ""), cancellationToken)));

    private static async Task<NoContent> DeleteAsync(Guid id, HttpContext context, Sender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteMessage(Caller(context), id), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ApiMessage>> ReactAsync(Guid id, ApiReact body, HttpContext context, Sender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(ApiMessage.From(await sender.Send(new ToggleReaction(Caller(context), id, body.Emoji ?? ""), cancellationToken)));

    /// <summary>A channel by id or by name; one the caller may not see reads like one that does not exist.</summary>
    private static async Task<ChannelDetails> ChannelAsync(Sender sender, Guid caller, string channel, CancellationToken cancellationToken) =>
        Guid.TryParse(channel, out var id)
            ? await sender.Send(new OpenChannelById(caller, id), cancellationToken)
            : await sender.Send(new OpenChannel(caller, channel.TrimStart('#')), cancellationToken);

    internal static Guid Caller(HttpContext context) =>
        Viewer.IdFrom(context.User) ?? throw new InvalidOperationException("The API group requires an authenticated caller.");
}
