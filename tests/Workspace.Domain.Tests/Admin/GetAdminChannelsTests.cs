using Microsoft.Extensions.Time.Testing;
using Workspace.Domain.Admin;
using Workspace.Domain.Channels;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Admin;

public sealed class GetAdminChannelsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetAdminChannels_WhenAdminIsInNoneOfThem_ListsPublicAndPrivateChannelsButNoConversations(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        clock.Advance(TimeSpan.FromHours(1));
        var secret = await workspace.Send.Send(new CreateChannel(ann, "secret", IsPrivate: true), Cancel);
        await workspace.Send.Send(new AddChannelMember(ann, secret.Id, "ben"), Cancel);
        await workspace.Send.Send(new SetChannelTopic(ann, secret.Id, "the plan"), Cancel);
        var quiet = await workspace.Send.Send(new CreateChannel(ann, "quiet", IsPrivate: false), Cancel);
        await workspace.Send.Send(new OpenDirectConversation(ann, ["ben"]), Cancel);
        clock.Advance(TimeSpan.FromHours(1));
        await workspace.PostAsync(ben, secret.Id, "only for us");
        await workspace.Send.Send(new ArchiveChannel(workspace.OwnerId, quiet.Id), Cancel);

        var page = await workspace.Send.Send(new GetAdminChannels(workspace.OwnerId), Cancel);

        var general = await workspace.GeneralIdAsync();
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(
            [
                new AdminChannel(general, "general", ChannelKind.Public, "", 3, start, IsArchived: false),
                new AdminChannel(quiet.Id, "quiet", ChannelKind.Public, "", 1, start.AddHours(1), IsArchived: true),
                new AdminChannel(secret.Id, "secret", ChannelKind.Private, "the plan", 2, start.AddHours(2), IsArchived: false),
            ],
            page.Channels.Select(c => c with { LastActivityAt = c.LastActivityAt.ToUniversalTime() }));
        Assert.False(page.HasMore);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetAdminChannels_WhenSearchingAndPaging_MatchesNamesAndResumesAfterTheLastName(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        foreach (var name in new[] { "team-a", "team-b", "team_c", "teamxd", "random" })
            await workspace.Send.Send(new CreateChannel(workspace.OwnerId, name, IsPrivate: name == "team-b"), Cancel);

        var first = await workspace.Send.Send(new GetAdminChannels(workspace.OwnerId, Search: "#TEAM", Limit: 2), Cancel);
        var second = await workspace.Send.Send(new GetAdminChannels(workspace.OwnerId, Search: "team", After: first.Channels[^1].Name, Limit: 2), Cancel);
        var underscore = await workspace.Send.Send(new GetAdminChannels(workspace.OwnerId, Search: "m_"), Cancel);

        Assert.Equal(("team-a team-b", true), (string.Join(" ", first.Channels.Select(c => c.Name)), first.HasMore));
        Assert.Equal(("team_c teamxd", false), (string.Join(" ", second.Channels.Select(c => c.Name)), second.HasMore));
        Assert.Equal(["team_c"], underscore.Channels.Select(c => c.Name));
    }
}
