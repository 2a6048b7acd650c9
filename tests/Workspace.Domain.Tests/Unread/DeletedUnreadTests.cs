using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Messages;
using Workspace.Domain.Tests.Support;
using Workspace.Domain.Unread;

namespace Workspace.Domain.Tests.Unread;

/// <summary>A deleted message is unread no longer: the badge is the live messages after the pointer, exactly.</summary>
public sealed class DeletedUnreadTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetSidebar_WhenUnreadMessagesAreDeleted_LeavesThemOutOfTheCount(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var general = await workspace.GeneralIdAsync();
        var posted = new List<MessageView>();
        foreach (var author in new[] { workspace.OwnerId, ann, workspace.OwnerId, ann, workspace.OwnerId })
            posted.Add(await workspace.PostAsync(author, general, "hi"));
        Assert.Equal((5L, 0L, 5L), await BenAsync());

        await workspace.Send.Send(new DeleteMessage(workspace.OwnerId, posted[1].Id), Cancel);
        await workspace.Send.Send(new DeleteMessage(ann, posted[3].Id), Cancel);

        Assert.Equal((5L, 0L, 3L), await BenAsync());
        Assert.Equal([2L, 4L], (await SidebarRowAsync(workspace, ben, general)).DeletedUnread.Order());
        await workspace.Send.Send(new DeleteMessage(workspace.OwnerId, posted[4].Id), Cancel);
        Assert.Equal((5L, 0L, 2L), await BenAsync());

        async Task<(long, long, long)> BenAsync()
        {
            var row = await SidebarRowAsync(workspace, ben, general);
            return (row.LastSeq, row.LastReadSeq, row.Unread);
        }
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetSidebar_WhenAnAlreadyReadMessageIsDeleted_KeepsTheCount(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ben = await workspace.AddMemberAsync("Ben");
        var general = await workspace.GeneralIdAsync();
        var posted = new List<MessageView>();
        for (var i = 1; i <= 5; i++)
            posted.Add(await workspace.PostAsync(workspace.OwnerId, general, $"m{i}"));
        await workspace.Send.Send(new MarkChannelRead(ben, general, 3), Cancel);

        await workspace.Send.Send(new DeleteMessage(workspace.OwnerId, posted[0].Id), Cancel);
        await workspace.Send.Send(new DeleteMessage(workspace.OwnerId, posted[2].Id), Cancel);

        var row = await SidebarRowAsync(workspace, ben, general);
        Assert.Equal((5L, 3L, 2L), (row.LastSeq, row.LastReadSeq, row.Unread));
        Assert.Empty(row.DeletedUnread);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetSidebar_ThroughInterleavedPostsDeletesAndPointerMoves_AgreesWithACountOfLiveMessagesAfterThePointer(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var owner = workspace.OwnerId;
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var general = await workspace.GeneralIdAsync();
        var bySeq = new Dictionary<long, Guid>();
        async Task Post(Guid author)
        {
            var message = await workspace.PostAsync(author, general, "hi");
            bySeq.Add(message.Seq, message.Id);
        }
        async Task Delete(Guid actor, long seq) => await workspace.Send.Send(new DeleteMessage(actor, bySeq[seq]), Cancel);

        (string Step, Func<Task> Act, long Ben, long Ann, long Owner)[] steps =
        [
            ("owner posts 1", () => Post(owner), 1, 1, 0),
            ("ann posts 2", () => Post(ann), 2, 0, 1),
            ("ben posts 3", () => Post(ben), 0, 1, 2),
            ("owner posts 4", () => Post(owner), 1, 2, 0),
            ("ann posts 5", () => Post(ann), 2, 0, 1),
            ("owner deletes 4", () => Delete(owner, 4), 1, 0, 1),
            ("ben reads to 5", async () => await workspace.Send.Send(new MarkChannelRead(ben, general, 5), Cancel), 0, 0, 1),
            ("owner posts 6", () => Post(owner), 1, 1, 0),
            ("ben marks 2 unread", async () => await workspace.Send.Send(new MarkChannelUnread(ben, general, 2), Cancel), 4, 1, 0),
            ("ann deletes 2", () => Delete(ann, 2), 3, 1, 0),
            ("ann posts 7", () => Post(ann), 4, 0, 1),
            ("owner marks 1 unread", async () => await workspace.Send.Send(new MarkChannelUnread(owner, general, 1), Cancel), 4, 0, 5),
            ("ben deletes 3", () => Delete(ben, 3), 3, 0, 4),
            ("owner deletes 6", () => Delete(owner, 6), 2, 0, 3),
            ("ben reads to 7", async () => await workspace.Send.Send(new MarkChannelRead(ben, general, 7), Cancel), 0, 0, 3),
            ("owner deletes 1", () => Delete(owner, 1), 0, 0, 2),
        ];

        foreach (var (step, act, expectedBen, expectedAnn, expectedOwner) in steps)
        {
            await act();
            var sidebar = new List<long>();
            var counted = new List<long>();
            foreach (var person in new[] { ben, ann, owner })
            {
                sidebar.Add((await SidebarRowAsync(workspace, person, general)).Unread);
                counted.Add(await LiveAfterPointerAsync(person));
            }
            Assert.Equal($"{step}: {string.Join(" ", counted)}", $"{step}: {string.Join(" ", sidebar)}");
            Assert.Equal($"{step}: {expectedBen} {expectedAnn} {expectedOwner}", $"{step}: {string.Join(" ", sidebar)}");
        }

        Task<long> LiveAfterPointerAsync(Guid person) => workspace.QueryDbAsync(async db =>
        {
            var pointer = await db.Memberships.Where(m => m.ChannelId == general && m.UserId == person).Select(m => m.LastReadSeq).SingleAsync(Cancel);
            return (long)await db.Messages.CountAsync(m => m.ChannelId == general && m.DeletedAt == null && m.Seq > pointer, Cancel);
        });
    }

    private static async Task<SidebarChannel> SidebarRowAsync(TestWorkspace workspace, Guid person, Guid channelId) =>
        (await workspace.Send.Send(new GetSidebar(person), Cancel)).Single(c => c.Id == channelId);
}
