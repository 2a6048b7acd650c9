using Workspace.Domain.Members;
using Workspace.Domain.Mentions;
using Workspace.Domain.Messages;
using Workspace.Domain.Setup;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Mentions;

/// <summary>"channel", "here" and "everyone" address groups, so no person is ever given one of them.</summary>
public sealed class ReservedHandlesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AcceptInvite_WhenNameMakesAReservedHandle_GivesTheNextFreeOne(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);

        var here = await workspace.AddMemberAsync("Here");
        var channel = await workspace.AddMemberAsync("Channel");
        var everyone = await workspace.AddMemberAsync("EVERYONE");
        var secondHere = await workspace.AddMemberAsync("here");

        Assert.Equal(["here2", "channel2", "everyone2", "here3"],
            [await workspace.HandleOfAsync(here), await workspace.HandleOfAsync(channel),
             await workspace.HandleOfAsync(everyone), await workspace.HandleOfAsync(secondHere)]);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task SetUpWorkspace_WhenOwnerNameMakesAReservedHandle_GivesTheNextFreeOne(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider, setUp: false);

        var owner = await workspace.Send.Send(new SetUpWorkspace("Acme", "Channel", "owner@example.com", TestWorkspace.OwnerPassword), Cancel);

        Assert.Equal("channel2", await workspace.HandleOfAsync(owner));
        Assert.Equal(["channel", "everyone", "here"], MessageMentions.Reserved.Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenPersonNamedHereIsOfflineAndNamed_MentionsThemButAtHereStillMeansOnline(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var here = await workspace.AddMemberAsync("Here");
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var general = await workspace.GeneralIdAsync();
        (await workspace.PresenceAsync()).Connected(ann);

        var atHere = await workspace.PostAsync(workspace.OwnerId, general, "@here quick question");
        var named = await workspace.PostAsync(workspace.OwnerId, general, "@here2 quick question");

        Assert.Equal(["ann.lee: Here"], await workspace.MentionRowsAsync(atHere.Id));
        Assert.Equal(["here2: Person"], await workspace.MentionRowsAsync(named.Id));
        Assert.Equal([here], named.MentionedUserIds);
    }
}
