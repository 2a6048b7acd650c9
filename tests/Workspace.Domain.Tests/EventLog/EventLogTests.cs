using Workspace.Domain.Admin;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.EventLog;
using Workspace.Domain.Members;
using Workspace.Domain.Messages;
using Workspace.Domain.Persistence;
using Workspace.Domain.Reactions;
using Workspace.Domain.Tests.Support;
using Workspace.Domain.Unread;

namespace Workspace.Domain.Tests.EventLog;

public sealed class EventLogTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetEvents_TellsEachChangeInCommitOrder_WithWhatItNamesAsItIsNow(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();
        var start = (await workspace.Send.Send(new GetEvents(workspace.OwnerId, After: null), Cancel)).Cursor;

        var first = await workspace.PostAsync(workspace.OwnerId, general, "first");
        var second = await workspace.PostAsync(workspace.OwnerId, general, "second");
        await workspace.Send.Send(new EditMessage(workspace.OwnerId, first.Id, "first, edited"), Cancel);
        await workspace.Send.Send(new ToggleReaction(workspace.OwnerId, first.Id, "👍"), Cancel);
        await workspace.Send.Send(new DeleteMessage(workspace.OwnerId, second.Id), Cancel);
        await workspace.Send.Send(new MarkChannelUnread(workspace.OwnerId, general, 1), Cancel);
        await workspace.Send.Send(new SetChannelTopic(workspace.OwnerId, general, "Company news"), Cancel);

        var page = await workspace.Send.Send(new GetEvents(workspace.OwnerId, start), Cancel);

        Assert.Equal(["message.posted", "message.posted", "message.edited", "reaction.changed", "message.deleted", "channel.read", "channel.updated"],
            page.Events.Select(e => e.Kind));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => start + i), page.Events.Select(e => e.Id));
        Assert.Equal(page.Events[^1].Id, page.Cursor);
        // Read after the fact, every message event shows the message as it is: edited, reacted to, or a tombstone.
        Assert.Equal("first, edited", page.Events[0].Message!.Text);
        Assert.True(page.Events[1].Message!.Deleted);
        Assert.Equal("", page.Events[1].Message!.Text);
        Assert.Equal(["👍"], page.Events[3].Message!.Reactions.Select(r => r.Emoji));
        Assert.Equal((general, 0L), (page.Events[5].Channel!.Id, page.Events[5].Value!.Value));
        Assert.Equal(("general", "Company news"), (page.Events[6].Channel!.Name, page.Events[6].Channel!.Topic));
        Assert.Empty((await workspace.Send.Send(new GetEvents(workspace.OwnerId, page.Cursor), Cancel)).Events);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetEvents_ShowOnlyTheChannelsOneIsInAndOnesOwnReadMarkers(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        var start = (await workspace.Send.Send(new GetEvents(ann, After: null), Cancel)).Cursor;
        var secret = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "secret", IsPrivate: true), Cancel);
        var open = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "open", IsPrivate: false), Cancel);

        await workspace.PostAsync(workspace.OwnerId, secret.Id, "not for Ann");
        await workspace.PostAsync(workspace.OwnerId, open.Id, "Ann is not in here");
        var hello = await workspace.PostAsync(workspace.OwnerId, general, "hello");
        await workspace.Send.Send(new MarkChannelUnread(workspace.OwnerId, general, hello.Seq), Cancel);
        await workspace.Send.Send(new JoinChannel(ann, open.Id), Cancel);
        await workspace.Send.Send(new MarkChannelRead(ann, general, hello.Seq), Cancel);

        var events = (await workspace.Send.Send(new GetEvents(ann, start), Cancel)).Events;

        Assert.Equal([("message.posted", "general"), ("member.joined", "open"), ("channel.read", "general")],
            events.Select(e => (e.Kind, e.Channel!.Name!)));
        Assert.Equal("hello", events[0].Message!.Text);
        Assert.Equal(ann, events[1].User!.Id);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetEvents_SomeoneRemovedStopsSeeingTheChannelAtOnce_AndIsToldTheyLeft(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ops = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "ops", IsPrivate: true), Cancel);
        await workspace.Send.Send(new AddChannelMember(workspace.OwnerId, ops.Id, "ann"), Cancel);
        var start = (await workspace.Send.Send(new GetEvents(ann, After: null), Cancel)).Cursor;
        await workspace.PostAsync(workspace.OwnerId, ops.Id, "before");

        await workspace.Send.Send(new RemoveChannelMember(workspace.OwnerId, ops.Id, ann), Cancel);
        await workspace.PostAsync(workspace.OwnerId, ops.Id, "after");

        var events = (await workspace.Send.Send(new GetEvents(ann, start), Cancel)).Events;
        // Even "before" is gone: what a person may see is decided when they read, and Ann is out of #ops now.
        Assert.Equal([("member.left", ann)], events.Select(e => (e.Kind, e.User!.Id)));
        await workspace.Send.Send(new DeactivateMember(workspace.OwnerId, ann), Cancel);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await workspace.Send.Send(new GetEvents(ann, start), Cancel));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetEvents_ReadInSmallPagesWhileManyPost_SeesEveryEventOnceInIdOrder(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var channels = new List<Guid> { await workspace.GeneralIdAsync() };
        for (var i = 0; i < 3; i++)
            channels.Add((await workspace.Send.Send(new CreateChannel(workspace.OwnerId, $"load-{i}", IsPrivate: false), Cancel)).Id);
        var start = (await workspace.Send.Send(new GetEvents(workspace.OwnerId, After: null), Cancel)).Cursor;
        const int posts = 48;

        var posting = Task.WhenAll(Enumerable.Range(0, posts).Select(i => Task.Run(() =>
            workspace.PostAsync(workspace.OwnerId, channels[i % channels.Count], $"post {i}"), Cancel)));
        var seen = new List<StreamEvent>();
        var cursor = start;
        while (seen.Count < posts)
        {
            var page = await workspace.Send.Send(new GetEvents(workspace.OwnerId, cursor, Limit: 5), Cancel);
            seen.AddRange(page.Events);
            cursor = page.Cursor;
            if (posting.IsFaulted)
                await posting;
        }
        await posting;

        Assert.Equal(Enumerable.Range(0, posts).Select(i => $"post {i}").Order(), seen.Select(e => e.Message!.Text).Order());
        Assert.Equal(Enumerable.Range(1, posts).Select(i => start + i), seen.Select(e => e.Id));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetEvents_AnIdNotYetGiven_IsRefusedClearly(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var head = (await workspace.Send.Send(new GetEvents(workspace.OwnerId, After: null), Cancel)).Cursor;

        var error = await Assert.ThrowsAsync<NotFoundException>(async () =>
            await workspace.Send.Send(new GetEvents(workspace.OwnerId, head + 5), Cancel));
        Assert.Contains($"no event {head + 5}", error.Message);
        await Assert.ThrowsAsync<InvalidInputException>(async () => await workspace.Send.Send(new GetEvents(workspace.OwnerId, -1), Cancel));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task EventsNotedByACommandThatFailed_AreNeverSavedByTheNextCommandOnItsPooledContext(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();
        var start = (await workspace.Send.Send(new GetEvents(workspace.OwnerId, After: null), Cancel)).Cursor;
        WorkspaceDb? failed = null;

        await workspace.QueryDbAsync(db =>
        {
            failed = db;
            db.Log(LoggedEvent.Read(workspace.OwnerId, general, 0, DateTimeOffset.UtcNow));
            return Task.FromResult("failed before saving");
        });
        await workspace.QueryDbAsync(async db =>
        {
            Assert.Same(failed, db);
            return await db.SaveChangesAsync(Cancel);
        });
        var hello = await workspace.PostAsync(workspace.OwnerId, general, "hello");

        var page = await workspace.Send.Send(new GetEvents(workspace.OwnerId, start), Cancel);
        Assert.Equal([(start + 1, "message.posted")], page.Events.Select(e => (e.Id, e.Kind)));
        Assert.Equal(hello.Id, page.Events[0].Message!.Id);
    }
}
