using Workspace.Domain.Messages;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Components.Messages;

/// <summary>
/// One copy of a message as it now is, for every open page that loaded it. Each page used to hold its own copies of
/// the fifty messages it opened with, text, HTML and names included: with many people reading one channel, the same
/// message over and over, about a tenth of what a circuit held (docs/benchmarks.md, memory). A view is a value that
/// never changes, so handing out an equal one changes nothing a page shows.
/// </summary>
public static class SharedViews
{
    private static readonly SharedCache<Guid, MessageView> Views = new(4_096);

    /// <summary>The shared copy of <paramref name="view"/>: the one already held when equal, otherwise this one, from now on.</summary>
    public static MessageView Share(MessageView view) =>
        Views.TryGet(view.Id, out var shared) && SameContent(shared, view) ? shared : Views.Set(view.Id, view);

    /// <summary>
    /// Equal in everything a view holds. A record's own equality compares its lists by reference, and two loads of
    /// one message never share their lists.
    /// </summary>
    public static bool SameContent(MessageView x, MessageView y) =>
        ReferenceEquals(x, y)
        || x.MentionedUserIds.SequenceEqual(y.MentionedUserIds)
        && x.Repliers.SequenceEqual(y.Repliers)
        && x.Reactions.Count == y.Reactions.Count
        && x.Reactions.Zip(y.Reactions).All(r => r.First.Emoji == r.Second.Emoji
            && r.First.UserIds.SequenceEqual(r.Second.UserIds) && r.First.Names.SequenceEqual(r.Second.Names))
        && x with { Reactions = y.Reactions, MentionedUserIds = y.MentionedUserIds, Repliers = y.Repliers } == y;
}
