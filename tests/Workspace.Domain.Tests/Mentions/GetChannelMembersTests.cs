using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Mentions;

/// <summary>Whom the composer suggests after an @: the channel's members, by name.</summary>
public sealed class GetChannelMembersTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetChannelMembers_ForAChannel_ListsItsMembersByNameWithHandles(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var zed = await workspace.AddMemberAsync("Zed Last");
        var ann = await workspace.AddMemberAsync("Ann Lee");
        await workspace.AddMemberAsync("Ben Day");
        var random = await workspace.Send.Send(new CreateChannel(zed, "random", IsPrivate: false), Cancel);
        await workspace.Send.Send(new JoinChannel(ann, random.Id), Cancel);

        var members = await workspace.Send.Send(new GetChannelMembers(zed, random.Id), Cancel);
        var general = await workspace.Send.Send(new GetChannelMembers(ann, await workspace.GeneralIdAsync()), Cancel);

        Assert.Equal([new Participant(ann, "ann.lee", "Ann Lee"), new Participant(zed, "zed.last", "Zed Last")], members);
        Assert.Equal(["ann.lee", "ben.day", "olivia.owner", "zed.last"], general.Select(p => p.Handle));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetChannelMembers_ForAChannelTheActorCannotSee_ReadsAsNotFound(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        await workspace.AddMemberAsync("Ben Day");
        var secret = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "secret", IsPrivate: true), Cancel);
        var conversation = await workspace.Send.Send(new OpenDirectConversation(workspace.OwnerId, ["ben.day"]), Cancel);
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);

        var secretMembers = await Outcomes.OfAsync(async () => await workspace.Send.Send(new GetChannelMembers(ann, secret.Id), Cancel));
        var conversationMembers = await Outcomes.OfAsync(async () => await workspace.Send.Send(new GetChannelMembers(ann, conversation.Id), Cancel));
        var publicMembers = await workspace.Send.Send(new GetChannelMembers(ann, random.Id), Cancel);

        Assert.Equal("NotFoundException: This channel does not exist or you do not have access to it.", secretMembers);
        Assert.Equal(secretMembers, conversationMembers);
        Assert.Equal(["Olivia Owner"], publicMembers.Select(p => p.DisplayName));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetChannelMembers_Matching_FindsHandlesAndWordsOfNamesStartingSoWhateverTheCase_UpToTheLimit(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        await workspace.AddMemberAsync("Ann Lee");
        await workspace.AddMemberAsync("Lena Marsh");
        await workspace.AddMemberAsync("Bob Allen");
        await workspace.AddMemberAsync("Émile Zola");
        var general = await workspace.GeneralIdAsync();

        async Task<string[]> Matching(string query, int limit = 8) =>
            [.. (await workspace.Send.Send(new GetChannelMembers(workspace.OwnerId, general, query, limit), Cancel)).Select(p => p.DisplayName)];

        Assert.Equal(["Ann Lee", "Lena Marsh"], await Matching("le"));
        Assert.Equal(["Ann Lee", "Lena Marsh"], await Matching("LE"));
        Assert.Equal(["Ann Lee"], await Matching("le", limit: 1));
        Assert.Equal(["Bob Allen"], await Matching("bob.a"));
        Assert.Equal(["Émile Zola"], await Matching("émi"));
        Assert.Empty(await Matching("nn"));
        Assert.Equal("InvalidInputException: Ask for 1 to 10,000 members at a time.",
            await Outcomes.OfAsync(() => Matching("le", limit: 0)));
    }
}
