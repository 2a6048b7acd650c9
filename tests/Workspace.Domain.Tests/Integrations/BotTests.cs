using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Admin;
using Workspace.Domain.Common;
using Workspace.Domain.Integrations;
using Workspace.Domain.Members;
using Workspace.Domain.Messages;
using Workspace.Domain.Profiles;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Integrations;

public sealed class BotTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task CreateBot_WithATokenAndAChannel_PostsAsAMarkedBotAndStopsWhenDeactivated(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();

        var botId = await workspace.Send.Send(new CreateBot(workspace.OwnerId, "Release Bot"), Cancel);
        var token = await workspace.Send.Send(new CreateBotToken(workspace.OwnerId, botId), Cancel);
        var bot = Assert.Single(await workspace.Send.Send(new GetBots(workspace.OwnerId), Cancel));
        Assert.Equal(("Release Bot", "release.bot", true, 1), (bot.Name, bot.Handle, bot.IsActive, bot.Tokens));
        Assert.Equal(botId, await workspace.Send.Send(new AuthenticateAccessToken(token.Token), Cancel));

        var outside = await Assert.ThrowsAsync<ForbiddenException>(async () => await workspace.PostAsync(botId, general, "hello?"));
        await workspace.Send.Send(new AdminAddChannelMember(workspace.OwnerId, general, "release.bot"), Cancel);
        var posted = await workspace.PostAsync(botId, general, "v2 is out");
        await workspace.Send.Send(new DeactivateMember(workspace.OwnerId, botId), Cancel);

        Assert.Equal("Join #general first.", outside.Message);
        Assert.True(posted.AuthorIsBot);
        Assert.Null(await workspace.Send.Send(new AuthenticateAccessToken(token.Token), Cancel));
        var refused = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new CreateBotToken(workspace.OwnerId, botId), Cancel));
        Assert.Equal("Release Bot is deactivated: reactivate it first.", refused.Message);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task Bots_WhenAMemberAsksOrTheAccountIsNoBot_AreRefused(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");

        await Assert.ThrowsAsync<ForbiddenException>(async () => await workspace.Send.Send(new CreateBot(ann, "Mine"), Cancel));
        var person = await Assert.ThrowsAsync<NotFoundException>(async () =>
            await workspace.Send.Send(new CreateBotToken(workspace.OwnerId, ann), Cancel));
        var blank = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await workspace.Send.Send(new CreateBot(workspace.OwnerId, "  "), Cancel));

        Assert.Equal("There is no such bot.", person.Message);
        Assert.Equal("Give the bot a name; its messages show it.", blank.Message);
        Assert.Equal(0, await workspace.QueryDbAsync(db => db.Users.CountAsync(u => u.Role == WorkspaceRole.Bot, Cancel)));
        Assert.Equal(0, await workspace.QueryDbAsync(db => db.AccessTokens.CountAsync(Cancel)));
    }
}
