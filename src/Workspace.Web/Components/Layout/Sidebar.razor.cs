using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Workspace.Domain.Channels;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;
using Workspace.Domain.Setup;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Components.Layout;

public sealed partial class Sidebar
{
    [CascadingParameter]
    private Viewer Viewer { get; set; } = default!;

    [Parameter]
    public EventCallback OnNavigate { get; set; }

    [Inject] private Sender Sender { get; set; } = default!;
    [Inject] private IChatEvents Events { get; set; } = default!;
    [Inject] private ActiveChannel Active { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private readonly SidebarModel model = new();
    private readonly HashSet<Guid> followed = [];
    private IChatSubscription? subscription;
    private string workspaceName = "";
    private long? logo;
    private bool creating;
    private bool inviting;
    private bool composing;
    private long shownTotal;

    protected override async Task OnInitializedAsync()
    {
        var workspace = await Sender.Send(new GetWorkspaceStatus());
        workspaceName = workspace.Name ?? "Workspace";
        logo = workspace.Logo;
        subscription = Events.Subscribe(OnEventAsync);
        subscription.Follow(ChatEvent.UserStream(Viewer.Id));
        subscription.Follow(ChatEvent.WorkspaceStream);
        await ReloadAsync();
        Active.Changed += OnActiveChanged;
    }

    private async Task ReloadAsync()
    {
        model.Load(await Sender.Send(new GetSidebar(Viewer.Id)));
        var current = model.Entries.Select(e => e.Id).ToHashSet();
        foreach (var gone in followed.Except(current).ToList())
        {
            subscription!.Unfollow(ChatEvent.ChannelStream(gone));
            followed.Remove(gone);
        }
        var added = current.Except(followed).ToList();
        foreach (var channelId in added)
        {
            subscription!.Follow(ChatEvent.ChannelStream(channelId));
            followed.Add(channelId);
        }
        // A post that committed between the load and the follow reached nobody here; a second load sees it.
        if (added.Count > 0)
            model.Load(await Sender.Send(new GetSidebar(Viewer.Id)));
    }

    private Task OnEventAsync(ChatEvent chatEvent) => InvokeAsync(async () =>
    {
        if (chatEvent is WorkspaceUpdated workspace)
            (workspaceName, logo) = (workspace.Name, workspace.Logo);
        else
        {
            var change = model.Apply(chatEvent, Viewer.Id, Active.IsReading ? Active.Id : null);
            if (change == SidebarChange.None)
                return;
            if (change == SidebarChange.Reload)
                await ReloadAsync();
        }
        StateHasChanged();
    });

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        var total = model.TotalUnread;
        if (total != shownTotal)
        {
            shownTotal = total;
            await JS.InvokeVoidAsync("workspace.setUnreadTotal", total);
        }
    }

    /// <summary>One of four strings, rather than one put together per link per render and kept in its frame.</summary>
    private string LinkClass(SidebarModel.Entry entry) => (entry.Unread > 0, entry.Id == Active.Id) switch
    {
        (false, false) => "channel-link",
        (true, false) => "channel-link unread",
        (false, true) => "channel-link active",
        (true, true) => "channel-link unread active",
    };

    private void OnActiveChanged() => InvokeAsync(StateHasChanged);

    public void Dispose()
    {
        Active.Changed -= OnActiveChanged;
        subscription?.Dispose();
    }
}
