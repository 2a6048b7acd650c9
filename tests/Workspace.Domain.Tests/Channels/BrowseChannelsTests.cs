using Workspace.Domain.Channels;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Channels;

public sealed class BrowseChannelsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task BrowseChannels_WhenAChannelIsPrivate_ListsItOnlyForItsMembers(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var general = await workspace.GeneralIdAsync();
        var random = await workspace.Send.Send(new CreateChannel(ann, "random", IsPrivate: false), Cancel);
        var secret = await workspace.Send.Send(new CreateChannel(ann, "secret", IsPrivate: true), Cancel);
        await workspace.Send.Send(new SetChannelTopic(ann, random.Id, "anything goes"), Cancel);

        var forBen = await workspace.Send.Send(new BrowseChannels(ben), Cancel);
        var forOwner = await workspace.Send.Send(new BrowseChannels(workspace.OwnerId), Cancel);
        var forAnn = await workspace.Send.Send(new BrowseChannels(ann), Cancel);

        var generalRow = new BrowsedChannel(general, "general", "", IsPrivate: false, MemberCount: 3, IsMember: true);
        var randomRow = new BrowsedChannel(random.Id, "random", "anything goes", IsPrivate: false, MemberCount: 1, IsMember: false);
        Assert.Equal([generalRow, randomRow], forBen);
        Assert.Equal([generalRow, randomRow], forOwner);
        Assert.Equal([generalRow, randomRow with { IsMember = true },
            new BrowsedChannel(secret.Id, "secret", "", IsPrivate: true, MemberCount: 1, IsMember: true)], forAnn);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task BrowseChannels_WhenSomeoneJoins_CountsThemAndMarksTheirRow(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);

        await workspace.Send.Send(new JoinChannel(ann, random.Id), Cancel);

        var row = Assert.Single(await workspace.Send.Send(new BrowseChannels(ann), Cancel), c => c.Id == random.Id);
        Assert.Equal((2, true), (row.MemberCount, row.IsMember));
    }
}
