namespace Workspace.Web.Components.Shared;

/// <summary>
/// The channel this circuit is showing, and whether its page is reading along (marking new messages read as they
/// arrive). The sidebar reads it to mark the current link and so that a message arriving in a channel being read
/// never flashes an unread badge.
/// </summary>
public sealed class ActiveChannel
{
    public Guid? Id { get; private set; }

    /// <summary>False after "Mark unread", or while the page shows an older part of the history.</summary>
    public bool IsReading { get; private set; }

    public event Action? Changed;

    public void Set(Guid? id, bool isReading)
    {
        if (Id == id && IsReading == isReading)
            return;
        Id = id;
        IsReading = isReading;
        Changed?.Invoke();
    }
}
