using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Channels;

public sealed class SetChannelTopicTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task SetChannelTopic_WhenMemberSetsOneOfAtMost250Characters_StoresAndPublishesIt(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        await workspace.Send.Send(new JoinChannel(ann, random.Id), Cancel);
        using var channel = new EventRecorder(workspace.Events, ChatEvent.ChannelStream(random.Id));
        var longest = new string('t', 250);

        await workspace.Send.Send(new SetChannelTopic(ann, random.Id, "  short  "), Cancel);
        Assert.Equal("short", (await workspace.Send.Send(new OpenChannel(ann, "random"), Cancel)).Topic);
        await workspace.Send.Send(new SetChannelTopic(ann, random.Id, longest), Cancel);

        Assert.Equal(longest, (await workspace.Send.Send(new OpenChannel(ann, "random"), Cancel)).Topic);
        await channel.WaitForAsync<ChannelUpdated>(e => e.Topic == longest);
        Assert.Equal([new ChannelUpdated(random.Id, "random", "short", IsPrivate: false, IsArchived: false), new ChannelUpdated(random.Id, "random", longest, IsPrivate: false, IsArchived: false)], channel.Received);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task SetChannelTopic_WhenOver250Characters_RefusesAndKeepsTheOldTopic(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        await workspace.Send.Send(new SetChannelTopic(workspace.OwnerId, random.Id, "old"), Cancel);

        var refused = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await workspace.Send.Send(new SetChannelTopic(workspace.OwnerId, random.Id, new string('t', 251)), Cancel));

        Assert.Equal(["Topics are at most 250 characters."], refused.Errors);
        Assert.Equal("old", await TopicAsync(workspace, random.Id));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task SetChannelTopic_WhenActorIsNotAMemberOfAPublicChannel_IsForbidden(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new SetChannelTopic(ann, random.Id, "drive-by"), Cancel));

        Assert.Equal("Join #random first.", refused.Message);
        Assert.Equal("", await TopicAsync(workspace, random.Id));
    }

    private static Task<string> TopicAsync(TestWorkspace workspace, Guid channelId) =>
        workspace.QueryDbAsync(db => db.Channels.Where(c => c.Id == channelId).Select(c => c.Topic).SingleAsync(Cancel));
}
