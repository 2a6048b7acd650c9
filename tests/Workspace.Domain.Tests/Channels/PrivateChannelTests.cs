using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Messages;
using Workspace.Domain.Tests.Support;
using Workspace.Domain.Unread;

namespace Workspace.Domain.Tests.Channels;

/// <summary>
/// A private channel does not exist for anyone outside it, admins included: every path reads as "no such channel".
/// Only the admin pages' commands manage it from outside, never reading its messages (see Admin/).
/// </summary>
public sealed class PrivateChannelTests
{
    private const string NotFound = "NotFoundException: This channel does not exist or you do not have access to it.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task EveryUseCase_WhenActorIsNotAMemberOfAPrivateChannel_ReadsExactlyLikeANonexistentChannel(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var secret = await workspace.Send.Send(new CreateChannel(ann, "secret", IsPrivate: true), Cancel);
        await workspace.Send.Send(new PostMessage(ann, secret.Id, "just us", Guid.NewGuid()), Cancel);
        var nowhere = Guid.NewGuid();

        foreach (var outsider in new[] { ben, workspace.OwnerId })
        {
            var outcomes = new List<(string UseCase, string ForPrivate, string ForNonexistent)>();
            async Task Check(string useCase, Func<Guid, string, Task> attempt) =>
                outcomes.Add((useCase, await OutcomeAsync(() => attempt(secret.Id, "secret")),
                    await OutcomeAsync(() => attempt(nowhere, "no-such-channel"))));

            await Check(nameof(OpenChannel), async (_, name) => await workspace.Send.Send(new OpenChannel(outsider, name), Cancel));
            await Check(nameof(GetChannelMessages), async (id, _) => await workspace.Send.Send(new GetChannelMessages(outsider, id), Cancel));
            await Check(nameof(GetChannelChanges), async (id, _) => await workspace.Send.Send(new GetChannelChanges(outsider, id, 0), Cancel));
            await Check(nameof(JoinChannel), async (id, _) => await workspace.Send.Send(new JoinChannel(outsider, id), Cancel));
            await Check(nameof(LeaveChannel), async (id, _) => await workspace.Send.Send(new LeaveChannel(outsider, id), Cancel));
            await Check(nameof(PostMessage), async (id, _) => await workspace.Send.Send(new PostMessage(outsider, id, "hi", Guid.NewGuid()), Cancel));
            await Check(nameof(SetChannelTopic), async (id, _) => await workspace.Send.Send(new SetChannelTopic(outsider, id, "mine now"), Cancel));
            if (outsider == ben)
                await Check(nameof(RenameChannel), async (id, _) => await workspace.Send.Send(new RenameChannel(outsider, id, "not-secret"), Cancel));

            Assert.All(outcomes, o => Assert.Equal((o.UseCase, NotFound, NotFound), o));
        }

        var channel = await workspace.QueryDbAsync(db => db.Channels.SingleAsync(c => c.Id == secret.Id, Cancel));
        Assert.Equal(("secret", "", 1L, 1L), (channel.Name, channel.Topic, channel.LastSeq, channel.ChangeSeq));
        Assert.Equal([ann], await workspace.QueryDbAsync(db => db.Memberships.Where(m => m.ChannelId == secret.Id).Select(m => m.UserId).ToListAsync(Cancel)));
        Assert.Equal(1, await workspace.QueryDbAsync(db => db.Messages.CountAsync(m => m.ChannelId == secret.Id, Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task MarkChannelRead_WhenActorIsNotAMemberOfAPrivateChannel_AnswersAsForANonexistentOne(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var secret = await workspace.Send.Send(new CreateChannel(ann, "secret", IsPrivate: true), Cancel);
        await workspace.Send.Send(new PostMessage(ann, secret.Id, "just us", Guid.NewGuid()), Cancel);

        var forPrivate = await OutcomeAsync(async () => await workspace.Send.Send(new MarkChannelRead(ben, secret.Id, 1), Cancel));
        var forNonexistent = await OutcomeAsync(async () => await workspace.Send.Send(new MarkChannelRead(ben, Guid.NewGuid(), 1), Cancel));

        Assert.Equal(forNonexistent, forPrivate);
        Assert.Equal(0, await workspace.QueryDbAsync(db => db.Memberships.CountAsync(m => m.UserId == ben && m.ChannelId == secret.Id, Cancel)));
    }

    private static async Task<string> OutcomeAsync(Func<Task> attempt)
    {
        try
        {
            await attempt();
            return "allowed";
        }
        catch (DomainException e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}
