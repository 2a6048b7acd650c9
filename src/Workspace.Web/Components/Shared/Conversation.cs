using Workspace.Domain.Channels;
using Workspace.Domain.DirectMessages;

namespace Workspace.Web.Components.Shared;

/// <summary>How pages name and address a channel or a direct conversation.</summary>
public static class Conversation
{
    public static string Title(IReadOnlyList<Participant> others) =>
        others.Count == 0 ? "Just you" : string.Join(", ", others.Select(p => p.DisplayName));

    /// <summary>The handles in a conversation's address: the others', or one's own for notes to self.</summary>
    public static string Handles(IReadOnlyList<Participant> others, string ownHandle) =>
        others.Count == 0 ? ownHandle : string.Join(",", others.Select(p => p.Handle));

    public static string PathOf(ChannelDetails details, string ownHandle) =>
        details.IsDirect ? $"/dm/{Handles(details.Others, ownHandle)}" : $"/c/{details.Name}";

    public static string TitleOf(ChannelDetails details) => details.IsDirect ? Title(details.Others) : $"#{details.Name}";
}
