using Mediator;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Messages;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Channels;

/// <summary>
/// How the API posts to a channel it names: the lookup and the post in the call's one scope (<c>Sender.ShareOneScope</c>),
/// the post finding the channel and membership the lookup loaded. Each still answers and refuses as it does alone.
/// </summary>
public sealed class FindThenPostTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task FindThenPost_ByNameOrId_PostsOnceToTheChannelFound(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        var clientId = Guid.NewGuid();

        var (byName, first) = await FindThenPostAsync(workspace, new FindChannel(ann, "general"),
            found => new PostMessage(ann, found.Id, "by name", clientId));
        var (byId, repeat) = await FindThenPostAsync(workspace, new FindChannelById(ann, general),
            found => new PostMessage(ann, found.Id, "by name", clientId));
        var (_, second) = await FindThenPostAsync(workspace, new FindChannelById(ann, general),
            found => new PostMessage(ann, found.Id, "by id", Guid.NewGuid()));

        Assert.Equal((general, "general"), (byName.Id, byName.Name));
        Assert.Equal((general, "general"), (byId.Id, byId.Name));
        Assert.Equal((true, false, true), (first.Created, repeat.Created, second.Created));
        Assert.Equal(first.Message.Id, repeat.Message.Id);
        var page = await workspace.Send.Send(new GetChannelMessages(ann, general), Cancel);
        Assert.Equal(["by name", "by id"], page.Messages.Select(m => m.Text));
        Assert.Equal([1L, 2L], page.Messages.Select(m => m.Seq));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task FindThenPost_ToAHiddenChannelOrOneNotJoined_IsRefusedAndPostsNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var secret = await workspace.Send.Send(new CreateChannel(ann, "secret", IsPrivate: true), Cancel);
        var open = await workspace.Send.Send(new CreateChannel(ann, "open", IsPrivate: false), Cancel);

        var hidden = await Assert.ThrowsAsync<NotFoundException>(async () => await FindThenPostAsync(workspace, new FindChannel(ben, "secret"),
            found => new PostMessage(ben, found.Id, "peek", Guid.NewGuid())));
        var notJoined = await Assert.ThrowsAsync<ForbiddenException>(async () => await FindThenPostAsync(workspace, new FindChannelById(ben, open.Id),
            found => new PostMessage(ben, found.Id, "hello", Guid.NewGuid())));

        Assert.Equal("This channel does not exist or you do not have access to it.", hidden.Message);
        Assert.Equal("Join #open first.", notJoined.Message);
        Assert.Empty((await workspace.Send.Send(new GetChannelMessages(ann, secret.Id), Cancel)).Messages);
        Assert.Empty((await workspace.Send.Send(new GetChannelMessages(ann, open.Id), Cancel)).Messages);
    }

    private static async Task<(ChannelRef Found, PostedMessage Posted)> FindThenPostAsync(TestWorkspace workspace,
        IQuery<ChannelRef> find, Func<ChannelRef, PostMessage> post)
    {
        await using (workspace.Send.ShareOneScope())
        {
            var found = await workspace.Send.Send(find, Cancel);
            return (found, await workspace.Send.Send(post(found), Cancel));
        }
    }
}
