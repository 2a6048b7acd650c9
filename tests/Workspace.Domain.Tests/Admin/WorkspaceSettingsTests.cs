using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Workspace.Domain.Admin;
using Workspace.Domain.Audit;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Messages;
using Workspace.Domain.Realtime;
using Workspace.Domain.Setup;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Admin;

public sealed class WorkspaceSettingsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static UpdateWorkspaceSettings Defaults(Guid actorId, string name = "Acme") =>
        new(actorId, name, "", [], Permission.Members, Permission.Members, null, null);

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task UpdateWorkspaceSettings_WhenAdminSaves_StoresEverySettingAndAuditsIt(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        using var events = new EventRecorder(workspace.Events, ChatEvent.WorkspaceStream);

        await workspace.Send.Send(new UpdateWorkspaceSettings(workspace.OwnerId, " Acme Corp ", "We make anvils.", [random.Id],
            Permission.AdminsOnly, Permission.AdminsOnly, 15, 60), Cancel);

        var settings = await workspace.Send.Send(new GetWorkspaceSettings(workspace.OwnerId), Cancel);
        Assert.Equal(("Acme Corp", "We make anvils.", Permission.AdminsOnly, Permission.AdminsOnly, (int?)15, (int?)60),
            (settings.Name, settings.Description, settings.ChannelCreation, settings.BroadcastMentions,
                settings.EditWindowMinutes, settings.DeleteWindowMinutes));
        Assert.Equal([random.Id], settings.DefaultChannelIds);
        Assert.Equal(["random"], settings.PublicChannels.Select(c => c.Name));
        Assert.Equal(new WorkspaceUpdated("Acme Corp", null), await events.WaitForAsync<WorkspaceUpdated>());
        var status = await workspace.Send.Send(new GetWorkspaceStatus(), Cancel);
        Assert.Equal(("Acme Corp", "We make anvils."), (status.Name, status.Description));
        var audit = await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, AuditActions.WorkspaceUpdated), Cancel);
        Assert.Contains("edit window 15 minutes", Assert.Single(audit.Entries).Detail);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task UpdateWorkspaceSettings_WhenMemberTries_IsRefusedAndChangesNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");

        var refused = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(Defaults(ann, "Ann's place"), Cancel));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await workspace.Send.Send(new GetWorkspaceSettings(ann), Cancel));

        Assert.Equal("Only admins can do that.", refused.Message);
        Assert.Equal("Acme", (await workspace.Send.Send(new GetWorkspaceStatus(), Cancel)).Name);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task UpdateWorkspaceSettings_WhenInputIsBad_SaysWhatAndChangesNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var secret = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "secret", IsPrivate: true), Cancel);

        var blank = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await workspace.Send.Send(Defaults(workspace.OwnerId, " ") with { EditWindowMinutes = 0, Description = new string('d', 501) }, Cancel));
        var privateDefault = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(Defaults(workspace.OwnerId) with { DefaultChannelIds = [secret.Id] }, Cancel));

        Assert.Equal(["Enter a name for the workspace.", "The description is at most 500 characters.",
            "The edit window is between 1 minute and 1 year, or no limit."], blank.Errors);
        Assert.Equal("Default channels must be public channels that are not archived.", privateDefault.Message);
        var settings = await workspace.QueryDbAsync(db => db.Settings.AsNoTracking().SingleAsync(Cancel));
        Assert.Equal(("Acme", (int?)null, 0), (settings.Name, settings.EditWindowMinutes, settings.DefaultChannelIds.Count));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task DefaultChannels_WhenSomeoneJoins_SeatMembersButNotGuests(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        var clients = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "clients", IsPrivate: true), Cancel);
        await workspace.Send.Send(Defaults(workspace.OwnerId) with { DefaultChannelIds = [random.Id] }, Cancel);

        var ann = await workspace.AddMemberAsync("Ann");
        var gus = await workspace.InviteAsync("Gus", WorkspaceRole.Guest, clients.Id);

        Assert.Equal(["general", "random"], (await workspace.Send.Send(new GetSidebar(ann), Cancel)).Select(c => c.Name));
        Assert.Equal(["clients"], (await workspace.Send.Send(new GetSidebar(gus), Cancel)).Select(c => c.Name));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task ChannelCreation_WhenAdminsOnly_RefusesMembersAndTellsTheShell(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        Assert.True((await workspace.Send.Send(new GetMember(ann), Cancel)).CanCreateChannels);
        await workspace.Send.Send(Defaults(workspace.OwnerId) with { ChannelCreation = Permission.AdminsOnly }, Cancel);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new CreateChannel(ann, "annex", IsPrivate: false), Cancel));
        await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "announcements", IsPrivate: false), Cancel);

        Assert.Equal("Only admins can create channels in this workspace.", refused.Message);
        Assert.False((await workspace.Send.Send(new GetMember(ann), Cancel)).CanCreateChannels);
        Assert.True((await workspace.Send.Send(new GetMember(workspace.OwnerId), Cancel)).CanCreateChannels);
        Assert.False(await workspace.QueryDbAsync(db => db.Channels.AnyAsync(c => c.Name == "annex", Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task BroadcastMentions_WhenAdminsOnly_RefuseAMembersAtChannelButNotTheirOtherMentions(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        await workspace.Send.Send(Defaults(workspace.OwnerId) with { BroadcastMentions = Permission.AdminsOnly }, Cancel);

        var channel = await Assert.ThrowsAsync<ForbiddenException>(async () => await workspace.PostAsync(ann, general, "lunch @channel"));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await workspace.PostAsync(ann, general, "@here anyone?"));
        var mine = await workspace.PostAsync(ann, general, "thanks @olivia.owner");
        var edit = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new EditMessage(ann, mine.Id, "thanks @channel"), Cancel));
        await workspace.PostAsync(workspace.OwnerId, general, "all hands @channel");

        Assert.Equal("Only admins can notify everyone with @channel or @here in this workspace.", channel.Message);
        Assert.Equal(channel.Message, edit.Message);
        Assert.Equal(["thanks @olivia.owner", "all hands @channel"],
            await workspace.QueryDbAsync(db => db.Messages.OrderBy(m => m.Seq).Select(m => m.Text).ToListAsync(Cancel)));
        Assert.Equal(1, await workspace.QueryDbAsync(db => db.Mentions.CountAsync(m => m.UserId == ann, Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task EditAndDeleteWindows_WhenTheyPass_RefuseTheAuthorButNotAnAdminsDelete(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        await workspace.Send.Send(Defaults(workspace.OwnerId) with { EditWindowMinutes = 15, DeleteWindowMinutes = 60 }, Cancel);
        var first = await workspace.PostAsync(ann, general, "first");
        var second = await workspace.PostAsync(ann, general, "second");

        clock.Advance(TimeSpan.FromMinutes(14));
        await workspace.Send.Send(new EditMessage(ann, first.Id, "first, edited"), Cancel);
        clock.Advance(TimeSpan.FromMinutes(2));
        var lateEdit = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new EditMessage(ann, first.Id, "too late"), Cancel));
        await workspace.Send.Send(new DeleteMessage(ann, second.Id), Cancel);
        clock.Advance(TimeSpan.FromMinutes(45));
        var lateDelete = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new DeleteMessage(ann, first.Id), Cancel));

        Assert.Equal("Messages can only be edited within 15 minutes of posting.", lateEdit.Message);
        Assert.Equal("Messages can only be deleted within 1 hour of posting.", lateDelete.Message);
        Assert.Equal(("first, edited", false), ((await workspace.StoredAsync(first.Id)).Text, (await workspace.StoredAsync(first.Id)).IsDeleted));
        await workspace.Send.Send(new DeleteMessage(workspace.OwnerId, first.Id), Cancel);
        Assert.True((await workspace.StoredAsync(first.Id)).IsDeleted);
    }
}
