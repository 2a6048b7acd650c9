using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Messages;
using Workspace.Domain.Reactions;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Reactions;

public sealed class ToggleReactionTests
{
    private const string TooMany = "A message can have at most 50 different reactions.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task ToggleReaction_WhenPeopleToggleOnAndOff_ShowsEachEmojiWithWhoReactedInOrder(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var owner = workspace.OwnerId;
        var general = await workspace.GeneralIdAsync();
        var message = await workspace.PostAsync(ann, general, "lunch?");
        using var channelEvents = new EventRecorder(workspace.Events, ChatEvent.ChannelStream(general));

        var views = new List<MessageView>();
        foreach (var (actor, emoji) in new[] { (ben, "👍"), (owner, "👍"), (ben, "🎉"), (ben, "👍"), (owner, "👍") })
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            views.Add(await workspace.Send.Send(new ToggleReaction(actor, message.Id, emoji), Cancel));
        }

        Assert.Equal(
            ["👍 Ben", "👍 Ben, Olivia Owner", "👍 Ben, Olivia Owner | 🎉 Ben", "👍 Olivia Owner | 🎉 Ben", "🎉 Ben"],
            views.Select(v => v.ReactionsText()));
        Assert.Equal([2L, 3L, 4L, 5L, 6L], views.Select(v => v.ChangeSeq));
        Assert.All(views, v => Assert.Equal((message with { ChangeSeq = v.ChangeSeq }).Describe(), (v with { Reactions = [] }).Describe()));
        var both = views[1].Reactions.Single();
        Assert.Equal(("👍", 2), (both.Emoji, both.Count));
        Assert.Equal([ben, owner], both.UserIds);
        Assert.Equal(["Ben", "Olivia Owner"], both.Names);
        Assert.Equal([owner], views[3].Reactions[0].UserIds);
        Assert.Equal([ben], views[3].Reactions[1].UserIds);

        await channelEvents.WaitForAsync<MessageChanged>(e => e.Message.ChangeSeq == 6);
        Assert.Equal(views.Select(v => v.Describe()), channelEvents.Received.Select(e => Assert.IsType<MessageChanged>(e).Message.Describe()));
        Assert.Equal(6L, await workspace.ChangeSeqAsync(general));
        var page = await workspace.Send.Send(new GetChannelMessages(ann, general), Cancel);
        Assert.Equal(views[^1].Describe(), Assert.Single(page.Messages).Describe());
        var stored = await workspace.QueryDbAsync(db => db.Reactions.SingleAsync(Cancel));
        Assert.Equal((message.Id, ben, "🎉"), (stored.MessageId, stored.UserId, stored.Emoji));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task ToggleReaction_WhenEmojiIsNotInTheCatalog_RefusesAndStoresNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();
        var message = await workspace.PostAsync(workspace.OwnerId, general, "react to me");
        string[] outsideTheList = ["🫠", "thumbsup", "", " 👍", "👍👍", "❤", "<script>", string.Concat(Enumerable.Repeat("👍", 40))];

        foreach (var emoji in outsideTheList)
        {
            var refused = await Assert.ThrowsAsync<InvalidInputException>(async () =>
                await workspace.Send.Send(new ToggleReaction(workspace.OwnerId, message.Id, emoji), Cancel));
            Assert.Equal(["Pick a reaction from the emoji list."], refused.Errors);
        }

        Assert.Equal(0, await workspace.QueryDbAsync(db => db.Reactions.CountAsync(Cancel)));
        Assert.Equal((1L, 1L), (await workspace.ChangeSeqAsync(general), (await workspace.StoredAsync(message.Id)).ChangeSeq));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task ToggleReaction_WhenFiftyDifferentEmojiAreThere_RefusesAFiftyFirstButLetsPeopleJoinOne(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var general = await workspace.GeneralIdAsync();
        var message = await workspace.PostAsync(ann, general, "vote");
        Guid[] people = [ann, workspace.OwnerId, ben];
        var emoji = EmojiCatalog.All.Select(e => e.Character).ToList();
        for (var i = 0; i < Reaction.MaxDistinctPerMessage; i++)
            await workspace.Send.Send(new ToggleReaction(people[i % 3], message.Id, emoji[i]), Cancel);
        Assert.Equal(51L, await workspace.ChangeSeqAsync(general));

        var refused = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new ToggleReaction(ben, message.Id, emoji[50]), Cancel));

        Assert.Equal(TooMany, refused.Message);
        Assert.Equal((50, 50, 51L, 51L), await CountsAsync());
        var joined = await workspace.Send.Send(new ToggleReaction(ben, message.Id, emoji[0]), Cancel);
        Assert.Equal((50, 52L), (joined.Reactions.Count, joined.ChangeSeq));
        Assert.Equal([ann, ben], joined.Reactions.Single(r => r.Emoji == emoji[0]).UserIds);
        Assert.Equal((51, 50, 52L, 52L), await CountsAsync());

        await workspace.Send.Send(new ToggleReaction(workspace.OwnerId, message.Id, emoji[1]), Cancel);
        var fits = await workspace.Send.Send(new ToggleReaction(ben, message.Id, emoji[50]), Cancel);
        Assert.Equal((50, emoji[50], 54L), (fits.Reactions.Count, fits.Reactions[^1].Emoji, fits.ChangeSeq));
        Assert.Equal((51, 50, 54L, 54L), await CountsAsync());

        Task<(int Rows, int Distinct, long MessageChangeSeq, long ChannelChangeSeq)> CountsAsync() => workspace.QueryDbAsync(async db => (
            await db.Reactions.CountAsync(r => r.MessageId == message.Id, Cancel),
            await db.Reactions.Where(r => r.MessageId == message.Id).Select(r => r.Emoji).Distinct().CountAsync(Cancel),
            await db.Messages.Where(m => m.Id == message.Id).Select(m => m.ChangeSeq).SingleAsync(Cancel),
            await db.Channels.Where(c => c.Id == general).Select(c => c.ChangeSeq).SingleAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task ToggleReaction_WhenActorHasNotJoinedThePublicChannel_IsForbidden(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        var message = await workspace.PostAsync(workspace.OwnerId, random.Id, "over here");

        var refused = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new ToggleReaction(ann, message.Id, "👍"), Cancel));

        Assert.Equal("Join #random first.", refused.Message);
        Assert.Equal(0, await workspace.QueryDbAsync(db => db.Reactions.CountAsync(Cancel)));
        Assert.Equal(1L, await workspace.ChangeSeqAsync(random.Id));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task ToggleReaction_WhenActorIsOutsideThePrivateChannel_ReadsExactlyLikeAnUnknownMessage(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var secret = await workspace.Send.Send(new CreateChannel(ann, "secret", IsPrivate: true), Cancel);
        var message = await workspace.PostAsync(ann, secret.Id, "just us");

        foreach (var outsider in new[] { ben, workspace.OwnerId })
        {
            var forPrivate = await Outcomes.OfAsync(async () => await workspace.Send.Send(new ToggleReaction(outsider, message.Id, "👀"), Cancel));
            var forUnknown = await Outcomes.OfAsync(async () => await workspace.Send.Send(new ToggleReaction(outsider, Guid.NewGuid(), "👀"), Cancel));

            Assert.Equal($"NotFoundException: {Message.NotFound}", forPrivate);
            Assert.Equal(forUnknown, forPrivate);
        }
        Assert.Equal(0, await workspace.QueryDbAsync(db => db.Reactions.CountAsync(Cancel)));
        Assert.Equal(1L, await workspace.ChangeSeqAsync(secret.Id));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task ToggleReaction_WhenMessageWasDeleted_IsNotFound(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        var message = await workspace.PostAsync(ann, general, "gone soon");
        await workspace.Send.Send(new DeleteMessage(ann, message.Id), Cancel);

        var refused = await Assert.ThrowsAsync<NotFoundException>(async () =>
            await workspace.Send.Send(new ToggleReaction(workspace.OwnerId, message.Id, "😢"), Cancel));

        Assert.Equal(Message.NotFound, refused.Message);
        Assert.Equal(0, await workspace.QueryDbAsync(db => db.Reactions.CountAsync(Cancel)));
        Assert.Equal(2L, await workspace.ChangeSeqAsync(general));
    }
}
