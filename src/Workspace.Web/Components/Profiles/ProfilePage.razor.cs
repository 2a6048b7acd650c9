using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Workspace.Domain.Common;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Profiles;
using Workspace.Web.Components.Shared;
using Workspace.Web.Hosting;

namespace Workspace.Web.Components.Profiles;

public sealed partial class ProfilePage
{
    [CascadingParameter] private Viewer Viewer { get; set; } = default!;

    [Inject] private Sender Sender { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    /// <summary>How the last password change went (see <see cref="PasswordOutcome"/>).</summary>
    [SupplyParameterFromQuery] private string? Password { get; set; }

    /// <summary>Set after saving the profile, which reloads the page so that every part of it shows the new name.</summary>
    [SupplyParameterFromQuery(Name = "saved")] private bool Saved { get; set; }

    private MyProfile? profile;
    private List<string> zones = [];
    private string displayName = "";
    private string handle = "";
    private string timeZone = "";
    private string statusText = "";
    private string statusEmoji = "";
    private string clearAfter = StatusChoices.Never;
    private string? profileError;
    private string? statusError;
    private string? photoError;
    private bool saved;
    private bool uploading;

    protected override async Task OnInitializedAsync()
    {
        saved = Saved;
        await LoadAsync();
        displayName = profile!.DisplayName;
        handle = profile.Handle;
        // Until they pick one, the zone their browser is in.
        timeZone = profile.TimeZone ?? Viewer.TimeZone.Id;
        zones = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Append(timeZone).Distinct().Order(StringComparer.Ordinal).ToList();
        statusText = profile.Status?.Text ?? "";
        statusEmoji = profile.Status?.Emoji ?? "";
    }

    /// <summary>In the person's own zone, which the status choices were counted in.</summary>
    private string Until(DateTimeOffset time) =>
        TimeZoneInfo.ConvertTime(time, Viewer.ZoneOr(profile!.TimeZone)).ToString("ddd HH:mm", CultureInfo.InvariantCulture);

    private async Task LoadAsync() => profile = await Sender.Send(new GetMyProfile(Viewer.Id));

    private async Task SaveProfileAsync()
    {
        profileError = null;
        saved = false;
        try
        {
            await Sender.Send(new UpdateProfile(Viewer.Id, displayName, handle, timeZone));
        }
        catch (DomainException e)
        {
            profileError = e.Message;
            return;
        }
        Navigation.NavigateTo("/profile?saved=true", forceLoad: true);
    }

    private async Task SetStatusAsync()
    {
        statusError = null;
        try
        {
            var zone = Viewer.ZoneOr(profile!.TimeZone);
            await Sender.Send(new SetStatus(Viewer.Id, statusText, statusEmoji,
                StatusChoices.ExpiresAt(clearAfter, Clock.GetUtcNow(), zone)));
            await LoadAsync();
        }
        catch (DomainException e)
        {
            statusError = e.Message;
        }
    }

    private async Task ClearStatusAsync()
    {
        statusError = null;
        await Sender.Send(new ClearStatus(Viewer.Id));
        statusText = "";
        statusEmoji = "";
        clearAfter = StatusChoices.Never;
        await LoadAsync();
    }

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        photoError = null;
        uploading = true;
        try
        {
            await Sender.Send(new SetAvatar(Viewer.Id, await PictureUpload.ReadAsync(e.File)));
            await LoadAsync();
        }
        catch (DomainException ex)
        {
            photoError = ex.Message;
        }
        finally
        {
            uploading = false;
        }
    }
}
