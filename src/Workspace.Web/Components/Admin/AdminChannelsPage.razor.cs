using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Components;
using Workspace.Domain.Admin;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Pipeline;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Components.Admin;

/// <summary>
/// Every public and private channel, for admins: rename, archive, make private, manage members, delete. What others
/// see of this page is only that they may not; the domain refuses each command to them anyway.
/// </summary>
public sealed partial class AdminChannelsPage
{
    [CascadingParameter] private Viewer Viewer { get; set; } = default!;

    [Inject] private Sender Sender { get; set; } = default!;

    private List<AdminChannel> channels = [];
    private bool hasMore;
    private bool loaded;
    private string search = "";
    private string? error;

    // Each keystroke searches; only the newest search's answer may fill the table.
    private int searches;

    private AdminChannel? renaming;
    private string newName = "";
    private AdminChannel? deleting;
    private string confirmName = "";
    private string? dialogError;
    private AdminChannel? members;
    private AdminChannel? privatizing;

    protected override Task OnInitializedAsync() => Viewer.Member.IsAdmin ? LoadAsync() : Task.CompletedTask;

    private async Task LoadAsync()
    {
        var mine = ++searches;
        AdminChannelPage? page = null;
        if (!await TryAsync(async () => page = await Sender.Send(new GetAdminChannels(Viewer.Id, search))) || mine != searches)
            return;
        channels = [.. page!.Channels];
        hasMore = page.HasMore;
        loaded = true;
    }

    private async Task LoadMoreAsync()
    {
        AdminChannelPage? page = null;
        if (!await TryAsync(async () => page = await Sender.Send(new GetAdminChannels(Viewer.Id, search, After: channels[^1].Name))))
            return;
        channels.AddRange(page!.Channels);
        hasMore = page.HasMore;
    }

    /// <summary>Runs one row's action, then shows the channels as they are now.</summary>
    private async Task RunAsync(ICommand<Unit> command)
    {
        if (await TryAsync(async () => await Sender.Send(command)))
            await LoadAsync();
    }

    private void StartRename(AdminChannel channel)
    {
        renaming = channel;
        newName = channel.Name;
        dialogError = null;
    }

    private async Task RenameAsync()
    {
        try
        {
            await Sender.Send(new RenameChannel(Viewer.Id, renaming!.Id, newName.Trim()));
            renaming = null;
            await LoadAsync();
        }
        catch (DomainException e)
        {
            dialogError = e.Message;
        }
    }

    private void StartDelete(AdminChannel channel)
    {
        deleting = channel;
        confirmName = "";
        dialogError = null;
    }

    private async Task DeleteAsync()
    {
        try
        {
            await Sender.Send(new DeleteChannel(Viewer.Id, deleting!.Id, confirmName));
            channels.Remove(deleting);
            deleting = null;
        }
        catch (DomainException e)
        {
            dialogError = e.Message;
        }
    }

    private async Task MakePrivateAsync()
    {
        var channel = privatizing!;
        privatizing = null;
        await RunAsync(new MakeChannelPrivate(Viewer.Id, channel.Id));
    }

    private async Task CloseMembersAsync()
    {
        members = null;
        await LoadAsync();
    }

    /// <summary>Runs one query or command; a refusal shows above the table instead of failing the page.</summary>
    private async Task<bool> TryAsync(Func<Task> action)
    {
        error = null;
        try
        {
            await action();
            return true;
        }
        catch (DomainException e)
        {
            error = e.Message;
            return false;
        }
    }

    private string When(DateTimeOffset time) =>
        Viewer.LocalTime(time).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
}
