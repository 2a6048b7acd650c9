using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Admin;
using Workspace.Domain.Audit;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Integrations;
using Workspace.Domain.Members;
using Workspace.Domain.Messages;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Integrations;

public sealed class IncomingWebhookTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task CreateIncomingWebhook_MakesABotInTheChannelThatPostsUnderAnotherNameAndIsMarked(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var deploys = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "deploys", IsPrivate: true), Cancel);

        var hook = await workspace.Send.Send(new CreateIncomingWebhook(workspace.OwnerId, deploys.Id, "CI"), Cancel);
        var target = await workspace.Send.Send(new FindIncomingWebhook(hook.Token), Cancel);
        var posted = await workspace.Send.Send(new PostMessage(target!.BotId, target.ChannelId, "Build *green*", Guid.NewGuid(),
            PostedAs: "Jenkins", PostedIcon: "🚀"), Cancel);

        Assert.Equal(deploys.Id, target.ChannelId);
        Assert.Equal((true, "Jenkins", "🚀", "CI"), (posted.Message.AuthorIsBot, posted.Message.PostedAs, posted.Message.PostedIcon, posted.Message.AuthorName));
        var bot = await workspace.QueryDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == target.BotId, Cancel));
        Assert.Equal((WorkspaceRole.Bot, (string?)null), (bot.Role, bot.PasswordHash));
        Assert.Equal(["CI"], (await workspace.Send.Send(new GetIncomingWebhooks(workspace.OwnerId), Cancel)).Select(h => h.Name));
        Assert.NotEqual(hook.Token, await workspace.QueryDbAsync(db => db.IncomingWebhooks.Select(h => h.TokenHash).SingleAsync(Cancel)));
        Assert.Single((await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, AuditActions.WebhookCreated), Cancel)).Entries);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task RevokeIncomingWebhook_TheUrlStopsWorkingAndWhatItPostedStays(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();
        var hook = await workspace.Send.Send(new CreateIncomingWebhook(workspace.OwnerId, general, "Alerts"), Cancel);
        var target = await workspace.Send.Send(new FindIncomingWebhook(hook.Token), Cancel);
        await workspace.PostAsync(target!.BotId, general, "disk almost full");

        await workspace.Send.Send(new RevokeIncomingWebhook(workspace.OwnerId, hook.Id), Cancel);

        Assert.Null(await workspace.Send.Send(new FindIncomingWebhook(hook.Token), Cancel));
        Assert.Null(await workspace.Send.Send(new FindIncomingWebhook("not-a-token"), Cancel));
        Assert.Empty(await workspace.Send.Send(new GetIncomingWebhooks(workspace.OwnerId), Cancel));
        Assert.Equal(["disk almost full"], (await workspace.Send.Send(new GetChannelMessages(workspace.OwnerId, general), Cancel))
            .Messages.Select(m => m.Text));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task Webhooks_WhenNotAllowed_AreRefusedAndNothingChanges(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        var old = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "old", IsPrivate: false), Cancel);
        await workspace.Send.Send(new ArchiveChannel(workspace.OwnerId, old.Id), Cancel);

        var member = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new CreateIncomingWebhook(ann, general, "Mine"), Cancel));
        var archived = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new CreateIncomingWebhook(workspace.OwnerId, old.Id, "Late"), Cancel));
        var blank = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await workspace.Send.Send(new CreateIncomingWebhook(workspace.OwnerId, Guid.Empty, " "), Cancel));
        var impostor = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new PostMessage(ann, general, "it's me", Guid.NewGuid(), PostedAs: "Olivia Owner"), Cancel));

        Assert.Equal("Only admins can do that.", member.Message);
        Assert.Equal("#old is archived.", archived.Message);
        Assert.Equal(["Give the webhook a name; its messages show it.", "Choose the channel the webhook posts to."], blank.Errors);
        Assert.Equal("Only integrations post under another name.", impostor.Message);
        Assert.Equal(0, await workspace.QueryDbAsync(db => db.IncomingWebhooks.CountAsync(Cancel)));
        Assert.Equal(0, await workspace.QueryDbAsync(db => db.Messages.CountAsync(Cancel)));
    }
}
