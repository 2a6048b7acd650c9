using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Channels;

public sealed class RenameChannelTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task RenameChannel_WhenCreatorRenames_ChannelIsFoundUnderTheNewNameOnly(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var random = await workspace.Send.Send(new CreateChannel(ann, "random", IsPrivate: false), Cancel);

        var renamed = await workspace.Send.Send(new RenameChannel(ann, random.Id, "random-talk"), Cancel);

        Assert.Equal(new ChannelRef(random.Id, "random-talk"), renamed);
        Assert.Equal(random.Id, (await workspace.Send.Send(new OpenChannel(ann, "random-talk"), Cancel)).Id);
        await Assert.ThrowsAsync<NotFoundException>(async () => await workspace.Send.Send(new OpenChannel(ann, "random"), Cancel));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task RenameChannel_WhenRenamed_PublishesChannelUpdatedOnTheChannelStream(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        await workspace.Send.Send(new SetChannelTopic(workspace.OwnerId, random.Id, "the topic"), Cancel);
        using var channel = new EventRecorder(workspace.Events, ChatEvent.ChannelStream(random.Id));

        await workspace.Send.Send(new RenameChannel(workspace.OwnerId, random.Id, "chatter"), Cancel);

        Assert.Equal(new ChannelUpdated(random.Id, "chatter", "the topic", IsPrivate: false, IsArchived: false), await channel.WaitForAsync<ChannelUpdated>());
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task RenameChannel_WhenAdminWhoIsNotTheCreatorRenames_Works(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var random = await workspace.Send.Send(new CreateChannel(ann, "random", IsPrivate: false), Cancel);

        var renamed = await workspace.Send.Send(new RenameChannel(workspace.OwnerId, random.Id, "watercooler"), Cancel);

        Assert.Equal("watercooler", renamed.Name);
        Assert.Equal("watercooler", await NameAsync(workspace, random.Id));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task RenameChannel_WhenAnotherMemberRenames_IsForbiddenAndNameStays(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var random = await workspace.Send.Send(new CreateChannel(ann, "random", IsPrivate: false), Cancel);
        await workspace.Send.Send(new JoinChannel(ben, random.Id), Cancel);
        using var channel = new EventRecorder(workspace.Events, ChatEvent.ChannelStream(random.Id));

        var refused = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new RenameChannel(ben, random.Id, "bens-now"), Cancel));

        Assert.Equal("Only admins and the person who created #random can rename it.", refused.Message);
        Assert.Equal("random", await NameAsync(workspace, random.Id));
        await workspace.Send.Send(new SetChannelTopic(ben, random.Id, "marker"), Cancel);
        await channel.WaitForAsync<ChannelUpdated>();
        Assert.Equal([new ChannelUpdated(random.Id, "random", "marker", IsPrivate: false, IsArchived: false)], channel.Received);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task RenameChannel_WhenChannelIsGeneral_RefusesEvenTheOwner(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new RenameChannel(workspace.OwnerId, general, "lobby"), Cancel));

        Assert.Equal("#general keeps its name: everyone finds it there.", refused.Message);
        Assert.Equal("general", await NameAsync(workspace, general));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task RenameChannel_WhenNewNameIsTakenOrBreaksTheRule_RefusesAndNameStays(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "design", IsPrivate: true), Cancel);

        var takenByPrivate = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new RenameChannel(workspace.OwnerId, random.Id, "design"), Cancel));
        var takenByGeneral = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new RenameChannel(workspace.OwnerId, random.Id, "general"), Cancel));
        var badName = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await workspace.Send.Send(new RenameChannel(workspace.OwnerId, random.Id, "Random Talk"), Cancel));

        Assert.Equal("A channel named #design already exists. Choose another name.", takenByPrivate.Message);
        Assert.Equal("A channel named #general already exists. Choose another name.", takenByGeneral.Message);
        Assert.Equal([Channel.NameRule], badName.Errors);
        Assert.Equal("random", await NameAsync(workspace, random.Id));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task RenameChannel_WhenAdminIsNotInAPrivateChannel_RenamesItAndRecordsTheOldName(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var secret = await workspace.Send.Send(new CreateChannel(ann, "secret", IsPrivate: true), Cancel);

        await workspace.Send.Send(new RenameChannel(workspace.OwnerId, secret.Id, "hush"), Cancel);

        Assert.Equal("hush", await NameAsync(workspace, secret.Id));
        var entry = Assert.Single((await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, Action: AuditActions.ChannelRenamed), Cancel)).Entries);
        Assert.Equal(("#hush", "was #secret"), (entry.Target, entry.Detail));
    }

    private static Task<string> NameAsync(TestWorkspace workspace, Guid channelId) =>
        workspace.QueryDbAsync(db => db.Channels.Where(c => c.Id == channelId).Select(c => c.Name).SingleAsync(Cancel));
}
