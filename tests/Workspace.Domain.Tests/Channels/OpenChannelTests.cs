using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Messages;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Channels;

public sealed class OpenChannelTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task OpenChannel_WhenFoundByName_DescribesItForTheActor(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var random = await workspace.Send.Send(new CreateChannel(ann, "random", IsPrivate: false), Cancel);
        await workspace.Send.Send(new SetChannelTopic(ann, random.Id, "anything"), Cancel);
        for (var i = 0; i < 3; i++)
            await workspace.Send.Send(new PostMessage(ann, random.Id, $"m{i}", Guid.NewGuid()), Cancel);

        var creator = await workspace.Send.Send(new OpenChannel(ann, "random"), Cancel);
        var visitor = await workspace.Send.Send(new OpenChannel(ben, "random"), Cancel);
        var admin = await workspace.Send.Send(new OpenChannel(workspace.OwnerId, "random"), Cancel);

        var expected = new ChannelDetails(random.Id, "random", "anything", IsPrivate: false, IsArchived: false,
            IsMember: true, CanRename: true, MemberCount: 1, LastSeq: 3, LastReadSeq: 3);
        // Others is a list, which the record compares by reference: a channel has nobody in it, checked apart.
        Assert.All([creator, visitor, admin], details => Assert.Empty(details.Others));
        Assert.Equal(expected, creator with { Others = [] });
        Assert.Equal(expected with { IsMember = false, CanRename = false }, visitor with { Others = [] });
        Assert.Equal(expected with { IsMember = false }, admin with { Others = [] });
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task OpenChannel_WhenGeneral_NobodyMayRenameIt(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);

        var general = await workspace.Send.Send(new OpenChannel(workspace.OwnerId, "general"), Cancel);

        Assert.Equal((true, false, 1), (general.IsMember, general.CanRename, general.MemberCount));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task OpenChannel_WhenNameIsUnknown_IsNotFound(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);

        var missing = await Assert.ThrowsAsync<NotFoundException>(async () =>
            await workspace.Send.Send(new OpenChannel(workspace.OwnerId, "nope"), Cancel));
        var signedOut = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new OpenChannel(Guid.NewGuid(), "general"), Cancel));

        Assert.Equal("This channel does not exist or you do not have access to it.", missing.Message);
        Assert.Equal("Sign in to continue.", signedOut.Message);
    }
}
