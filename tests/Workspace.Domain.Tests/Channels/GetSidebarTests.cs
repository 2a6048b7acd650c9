using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Channels;

public sealed class GetSidebarTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetSidebar_WhenChannelsExist_ListsOnlyTheActorsChannelsByName(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        await workspace.Send.Send(new CreateChannel(ann, "zeta", IsPrivate: false), Cancel);
        await workspace.Send.Send(new CreateChannel(ann, "secret", IsPrivate: true), Cancel);
        var alpha = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "alpha", IsPrivate: false), Cancel);

        Assert.Equal([("general", false), ("secret", true), ("zeta", false)],
            (await workspace.Send.Send(new GetSidebar(ann), Cancel)).Select(c => (c.Name, c.IsPrivate)));
        Assert.Equal(["general"], (await workspace.Send.Send(new GetSidebar(ben), Cancel)).Select(c => c.Name));
        Assert.Equal(["alpha", "general"], (await workspace.Send.Send(new GetSidebar(workspace.OwnerId), Cancel)).Select(c => c.Name));

        await workspace.Send.Send(new JoinChannel(ben, alpha.Id), Cancel);
        Assert.Equal(["alpha", "general"], (await workspace.Send.Send(new GetSidebar(ben), Cancel)).Select(c => c.Name));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await workspace.Send.Send(new GetSidebar(Guid.NewGuid()), Cancel));
    }
}
