namespace Workspace.Web.Components.Shared;

/// <summary>
/// The channel this circuit is showing. The sidebar reads it to mark the current link and so that a message
/// arriving in the open channel never flashes an unread badge.
/// </summary>
public sealed class ActiveChannel
{
    public Guid? Id { get; private set; }

    public event Action? Changed;

    public void Set(Guid? id)
    {
        if (Id == id)
            return;
        Id = id;
        Changed?.Invoke();
    }
}
