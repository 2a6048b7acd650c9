using Workspace.Web.Components.Shared;

namespace Workspace.Web.Components.Messages;

/// <summary>A message renders again only when something it shows has changed (<see cref="RendersWhenChanged"/>).</summary>
public sealed partial class MessageItem
{
    protected override object Shown() => (Message, BasePath, Grouped, Highlight, CanMarkUnread, ReadOnly, Viewer, Edit);
}
