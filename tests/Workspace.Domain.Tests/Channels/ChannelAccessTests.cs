using Workspace.Domain.Channels;
using Workspace.Domain.Messages;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Channels;

/// <summary>
/// What an access check costs in round trips. A request that names a channel, sent in a scope of its own (as a page
/// sends every one), finds the actor, the channel and the membership with one query, and the handler's own lookups of
/// them are answered from the context. (Who may see what is the access matrix's and PrivateChannelTests' concern.)
/// </summary>
public sealed class ChannelAccessTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AMembersPage_InAScopeOfItsOwn_IsTwoQueries_TheAccessCheckAndThePage(string provider)
    {
        var commands = new SentCommands();
        await using var workspace = await TestWorkspace.CreateAsync(provider, commands: commands);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        await workspace.PostAsync(ann, general, "hello");

        var before = commands.Count;
        var page = await workspace.Send.Send(new GetChannelMessages(ann, general), Cancel);

        Assert.Contains(page.Messages, m => m.Text == "hello");
        Assert.Equal(2, commands.Count - before);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AChannelLookedUpByName_InAScopeOfItsOwn_IsOneQuery(string provider)
    {
        var commands = new SentCommands();
        await using var workspace = await TestWorkspace.CreateAsync(provider, commands: commands);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();

        var before = commands.Count;
        var found = await workspace.Send.Send(new FindChannel(ann, "general"), Cancel);

        Assert.Equal(general, found.Id);
        Assert.Equal(1, commands.Count - before);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task APostInAScopeOfItsOwn_ReadsTheActorChannelAndMembershipOnce(string provider)
    {
        var commands = new SentCommands();
        await using var workspace = await TestWorkspace.CreateAsync(provider, commands: commands);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        await workspace.PostAsync(ann, general, "first");

        var before = commands.Count;
        await workspace.PostAsync(ann, general, "second");

        // The access check's one query; the post's own rows go past EF Core, and its writer's SaveChanges has
        // nothing to save for a message that names no one.
        Assert.Equal(1, commands.Count - before);
    }
}
