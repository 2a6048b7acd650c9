using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Channels;

public sealed class CreateChannelTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task CreateChannel_WhenNameFollowsTheRule_CreatesItWithTheCreatorAsMember(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var longest = string.Concat(Enumerable.Repeat("a-z_09", 13)) + "ab";
        Assert.Equal(80, longest.Length);

        var created = await workspace.Send.Send(new CreateChannel(ann, longest, IsPrivate: false), Cancel);
        var secret = await workspace.Send.Send(new CreateChannel(ann, "x", IsPrivate: true), Cancel);

        Assert.Equal(longest, created.Name);
        var sidebar = await workspace.Send.Send(new GetSidebar(ann), Cancel);
        Assert.Equal([(longest, false), (Channel.General, false), ("x", true)], sidebar.Select(c => (c.Name, c.IsPrivate)));
        Assert.Equal([created.Id, secret.Id], sidebar.Where(c => c.Name != Channel.General).Select(c => c.Id));
        var details = await workspace.Send.Send(new OpenChannel(ann, longest), Cancel);
        Assert.Empty(details.Others);
        Assert.Equal(new ChannelDetails(created.Id, longest, "", IsPrivate: false, IsArchived: false, IsMember: true,
            CanRename: true, MemberCount: 1, LastSeq: 0, LastReadSeq: 0), details with { Others = [] });
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task CreateChannel_WhenCreated_PublishesMembershipChangedOnTheCreatorsStream(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        using var creator = new EventRecorder(workspace.Events, ChatEvent.UserStream(workspace.OwnerId));

        var created = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);

        Assert.Equal(new MembershipChanged(workspace.OwnerId, created.Id, IsMember: true), await creator.WaitForAsync<MembershipChanged>());
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task CreateChannel_WhenNameBreaksTheRule_RefusesWithTheRuleAndCreatesNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        string[] names = ["Random", "two words", new string('a', 81), "", " ", "#x", "café", "dots.not-allowed", "tab\t"];

        foreach (var name in names)
        {
            var refused = await Assert.ThrowsAsync<InvalidInputException>(async () =>
                await workspace.Send.Send(new CreateChannel(workspace.OwnerId, name, IsPrivate: false), Cancel));
            Assert.Equal([Channel.NameRule], refused.Errors);
        }

        Assert.Equal([Channel.General], await workspace.QueryDbAsync(db => db.Channels.Select(c => c.Name).ToListAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task CreateChannel_WhenNameIsTaken_RefusesClearlyAndChangesNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        using var annEvents = new EventRecorder(workspace.Events, ChatEvent.UserStream(ann));

        var taken = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new CreateChannel(ann, "random", IsPrivate: true), Cancel));
        var general = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new CreateChannel(ann, "general", IsPrivate: false), Cancel));

        Assert.Equal("A channel named #random already exists. Choose another name.", taken.Message);
        Assert.Equal("A channel named #general already exists. Choose another name.", general.Message);
        var channels = await workspace.QueryDbAsync(db => db.Channels.OrderBy(c => c.Name)
            .Select(c => new { c.Name, c.Kind, c.CreatedById }).ToListAsync(Cancel));
        Assert.Equal([new { Name = "general", Kind = ChannelKind.Public, CreatedById = workspace.OwnerId },
            new { Name = "random", Kind = ChannelKind.Public, CreatedById = workspace.OwnerId }], channels);
        Assert.Equal([Channel.General], (await workspace.Send.Send(new GetSidebar(ann), Cancel)).Select(c => c.Name));
        Assert.Equal(1, await workspace.QueryDbAsync(db => db.Memberships.CountAsync(m => m.ChannelId == random.Id, Cancel)));
        // Events reach a subscriber in publish order, so anything the refused commands published would come first.
        var later = await workspace.Send.Send(new CreateChannel(ann, "later", IsPrivate: false), Cancel);
        await annEvents.WaitForAsync<MembershipChanged>(e => e.ChannelId == later.Id);
        Assert.Equal([new MembershipChanged(ann, later.Id, IsMember: true)], annEvents.Received);
    }
}
