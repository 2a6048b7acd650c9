using Microsoft.Extensions.Time.Testing;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Messages;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Messages;

public sealed class EditMessageTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task EditMessage_WhenAuthorEdits_RerendersMarksEditedAndTakesExactlyOneChangeSeq(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        var original = await workspace.PostAsync(ann, general, "helo wrold");
        var later = await workspace.PostAsync(workspace.OwnerId, general, "later");
        using var channelEvents = new EventRecorder(workspace.Events, ChatEvent.ChannelStream(general));
        clock.Advance(TimeSpan.FromMinutes(5));

        var edited = await workspace.Send.Send(new EditMessage(ann, original.Id, "\nhello **world**\n"), Cancel);

        Assert.Equal((original with { Text = "hello **world**", Html = "<p>hello <strong>world</strong></p>", ChangeSeq = 3, EditedAt = clock.GetUtcNow() }).Describe(), edited.Describe());
        Assert.Equal(3L, await workspace.ChangeSeqAsync(general));
        var stored = await workspace.StoredAsync(original.Id);
        Assert.Equal(("hello **world**", "<p>hello <strong>world</strong></p>", 1L, 3L, clock.GetUtcNow(), original.CreatedAt, false),
            (stored.Text, stored.Html, stored.Seq, stored.ChangeSeq, stored.EditedAt, stored.CreatedAt, stored.IsDeleted));
        Assert.Equal(2L, (await workspace.StoredAsync(later.Id)).ChangeSeq);
        Assert.Equal(edited.Describe(), (await channelEvents.WaitForAsync<MessageChanged>()).Message.Describe());
        var page = await workspace.Send.Send(new GetChannelMessages(workspace.OwnerId, general), Cancel);
        Assert.Equal([edited.Describe(), later.Describe()], page.Messages.Select(m => m.Describe()));
        Assert.Equal(3L, page.ChangeSeq);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task EditMessage_WhenTextIsTheSameAfterTidying_ChangesNothingAndPublishesNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        var original = await workspace.PostAsync(ann, general, "same *text*");
        using var channelEvents = new EventRecorder(workspace.Events, ChatEvent.ChannelStream(general));

        var unchanged = await workspace.Send.Send(new EditMessage(ann, original.Id, "same *text*"), Cancel);
        var tidied = await workspace.Send.Send(new EditMessage(ann, original.Id, "\r\n\nsame *text*\n\n"), Cancel);

        Assert.Equal(original.Describe(), unchanged.Describe());
        Assert.Equal(original.Describe(), tidied.Describe());
        Assert.Equal(1L, await workspace.ChangeSeqAsync(general));
        var stored = await workspace.StoredAsync(original.Id);
        Assert.Equal((1L, (DateTimeOffset?)null), (stored.ChangeSeq, stored.EditedAt));
        // Events reach a subscriber in publish order: once the marker has arrived, an event from the no-op edits would have too.
        var marker = await workspace.PostAsync(ann, general, "marker");
        await channelEvents.WaitForAsync<MessagePosted>(e => e.Message.Id == marker.Id);
        Assert.Equal([marker.Id], channelEvents.Received.Select(e => Assert.IsType<MessagePosted>(e).Message.Id));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task EditMessage_WhenSomeoneElseEdits_IsForbiddenEvenForAnAdminAndNothingChanges(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var general = await workspace.GeneralIdAsync();
        var original = await workspace.PostAsync(ann, general, "ann's words");

        var byBen = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new EditMessage(ben, original.Id, "ben's words"), Cancel));
        var byOwner = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new EditMessage(workspace.OwnerId, original.Id, "owner's words"), Cancel));

        Assert.Equal("You can only edit your own messages.", byBen.Message);
        Assert.Equal("You can only edit your own messages.", byOwner.Message);
        var stored = await workspace.StoredAsync(original.Id);
        Assert.Equal(("ann's words", "<p>ann's words</p>", 1L, (DateTimeOffset?)null), (stored.Text, stored.Html, stored.ChangeSeq, stored.EditedAt));
        Assert.Equal(1L, await workspace.ChangeSeqAsync(general));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task EditMessage_WhenTextIsEmptyOrTooLong_RefusesWithThePostMessagesAndKeepsTheText(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();
        var original = await workspace.PostAsync(workspace.OwnerId, general, "keep me");

        var empty = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await workspace.Send.Send(new EditMessage(workspace.OwnerId, original.Id, " \n\t "), Cancel));
        var tooLong = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await workspace.Send.Send(new EditMessage(workspace.OwnerId, original.Id, new string('x', Message.MaxLength + 1)), Cancel));

        Assert.Equal(["Write something before sending."], empty.Errors);
        Assert.Equal(["Messages are at most 16,000 characters."], tooLong.Errors);
        Assert.Equal(("keep me", 1L), ((await workspace.StoredAsync(original.Id)).Text, await workspace.ChangeSeqAsync(general)));
        var longest = await workspace.Send.Send(new EditMessage(workspace.OwnerId, original.Id, new string('x', Message.MaxLength)), Cancel);
        Assert.Equal((Message.MaxLength, 2L), (longest.Text.Length, longest.ChangeSeq));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task EditMessage_WhenMessageWasDeleted_IsNotFoundLikeAnUnknownId(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        var original = await workspace.PostAsync(ann, general, "gone soon");
        await workspace.Send.Send(new DeleteMessage(ann, original.Id), Cancel);

        var deleted = await Outcomes.OfAsync(async () => await workspace.Send.Send(new EditMessage(ann, original.Id, "back"), Cancel));
        var unknown = await Outcomes.OfAsync(async () => await workspace.Send.Send(new EditMessage(ann, Guid.NewGuid(), "back"), Cancel));

        Assert.Equal($"NotFoundException: {Message.NotFound}", deleted);
        Assert.Equal(unknown, deleted);
        var stored = await workspace.StoredAsync(original.Id);
        Assert.Equal(("", 2L, (DateTimeOffset?)null), (stored.Text, stored.ChangeSeq, stored.EditedAt));
        Assert.Equal(2L, await workspace.ChangeSeqAsync(general));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task EditMessage_WhenActorIsOutsideAPrivateChannel_ReadsExactlyLikeAnUnknownMessage(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var secret = await workspace.Send.Send(new CreateChannel(ann, "secret", IsPrivate: true), Cancel);
        var original = await workspace.PostAsync(ann, secret.Id, "just us");

        foreach (var outsider in new[] { ben, workspace.OwnerId })
        {
            var forPrivate = await Outcomes.OfAsync(async () => await workspace.Send.Send(new EditMessage(outsider, original.Id, "seen"), Cancel));
            var forUnknown = await Outcomes.OfAsync(async () => await workspace.Send.Send(new EditMessage(outsider, Guid.NewGuid(), "seen"), Cancel));

            Assert.Equal($"NotFoundException: {Message.NotFound}", forPrivate);
            Assert.Equal(forUnknown, forPrivate);
        }
        Assert.Equal(("just us", 1L), ((await workspace.StoredAsync(original.Id)).Text, await workspace.ChangeSeqAsync(secret.Id)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task EditMessage_WhenAuthorHasLeftThePublicChannel_IsForbidden(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        await workspace.Send.Send(new JoinChannel(ann, random.Id), Cancel);
        var original = await workspace.PostAsync(ann, random.Id, "before leaving");
        await workspace.Send.Send(new LeaveChannel(ann, random.Id), Cancel);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new EditMessage(ann, original.Id, "after leaving"), Cancel));

        Assert.Equal("Join #random first.", refused.Message);
        Assert.Equal(("before leaving", 1L), ((await workspace.StoredAsync(original.Id)).Text, await workspace.ChangeSeqAsync(random.Id)));
    }
}
