using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Members;
using Workspace.Domain.Messages;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.DirectMessages;

public sealed class OpenDirectConversationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<string> HandleOfAsync(TestWorkspace workspace, Guid id) =>
        (await workspace.Send.Send(new GetMember(id), Cancel)).Handle;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task OpenDirectConversation_FromEitherSide_IsOneConversationOfExactlyThosePeople(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");

        var fromOwner = await workspace.Send.Send(new OpenDirectConversation(workspace.OwnerId, ["ann.lee"]), Cancel);
        var fromAnn = await workspace.Send.Send(new OpenDirectConversation(ann, ["@" + await HandleOfAsync(workspace, workspace.OwnerId)]), Cancel);

        Assert.Equal(fromOwner.Id, fromAnn.Id);
        Assert.True(fromOwner.IsDirect);
        Assert.True(fromOwner.IsMember);
        Assert.False(fromOwner.CanRename);
        Assert.Equal(2, fromOwner.MemberCount);
        Assert.Equal(["Ann Lee"], fromOwner.Others.Select(p => p.DisplayName));
        Assert.Equal(["Olivia Owner"], fromAnn.Others.Select(p => p.DisplayName));
        Assert.Equal(1, await workspace.QueryDbAsync(db => db.Channels.CountAsync(c => c.Kind == ChannelKind.Direct, Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task OpenDirectConversation_WhenOpenedConcurrently_StartsOnlyOne(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var owner = await HandleOfAsync(workspace, workspace.OwnerId);

        var opened = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () => i % 2 == 0
            ? await workspace.Send.Send(new OpenDirectConversation(workspace.OwnerId, ["ann.lee"]), Cancel)
            : await workspace.Send.Send(new OpenDirectConversation(ann, [owner]), Cancel), Cancel)));

        Assert.Single(opened.Select(d => d.Id).Distinct());
        Assert.Equal(2, await workspace.QueryDbAsync(db => db.Memberships.CountAsync(m => m.ChannelId == opened[0].Id, Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task OpenDirectConversation_ForAThirdPerson_NeverRevealsTheConversation(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var cy = await workspace.AddMemberAsync("Cy Third");
        var conversation = await workspace.Send.Send(new OpenDirectConversation(workspace.OwnerId, ["ann.lee"]), Cancel);
        await workspace.PostAsync(workspace.OwnerId, conversation.Id, "just between us");

        var byName = await Assert.ThrowsAsync<NotFoundException>(async () => await workspace.Send.Send(new OpenChannel(cy, conversation.Name), Cancel));
        var history = await Assert.ThrowsAsync<NotFoundException>(async () => await workspace.Send.Send(new GetChannelMessages(cy, conversation.Id), Cancel));
        var post = await Assert.ThrowsAsync<NotFoundException>(async () => await workspace.Send.Send(new PostMessage(cy, conversation.Id, "hi", Guid.NewGuid()), Cancel));
        var join = await Assert.ThrowsAsync<NotFoundException>(async () => await workspace.Send.Send(new JoinChannel(cy, conversation.Id), Cancel));

        Assert.All([byName, history, post, join], e => Assert.Equal("This channel does not exist or you do not have access to it.", e.Message));
        Assert.DoesNotContain(await workspace.Send.Send(new BrowseChannels(cy), Cancel), c => c.Id == conversation.Id);
        Assert.DoesNotContain(await workspace.Send.Send(new BrowseChannels(ann), Cancel), c => c.Id == conversation.Id);
        Assert.DoesNotContain(await workspace.Send.Send(new GetSidebar(cy), Cancel), c => c.Id == conversation.Id);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetSidebar_WithConversations_NamesTheOtherPeopleAndCountsUnread(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        await workspace.AddMemberAsync("Cy Third");
        var group = await workspace.Send.Send(new OpenDirectConversation(workspace.OwnerId, ["ann.lee", "cy.third"]), Cancel);
        await workspace.PostAsync(workspace.OwnerId, group.Id, "hello both");
        await workspace.PostAsync(workspace.OwnerId, group.Id, "and again");

        var entry = (await workspace.Send.Send(new GetSidebar(ann), Cancel)).Single(c => c.Id == group.Id);

        Assert.True(entry.IsDirect);
        Assert.Equal(["cy.third", "olivia.owner"], entry.Others.Select(p => p.Handle));
        Assert.Equal(2, entry.Unread);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task OpenDirectConversation_WithUnknownHandleOrTooManyPeople_RefusesAndStartsNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        for (var i = 1; i <= 8; i++)
            await workspace.AddMemberAsync($"Person {i}");

        var unknown = await Assert.ThrowsAsync<NotFoundException>(async () =>
            await workspace.Send.Send(new OpenDirectConversation(workspace.OwnerId, ["person.1", "nobody"]), Cancel));
        var tooMany = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await workspace.Send.Send(new OpenDirectConversation(workspace.OwnerId, Enumerable.Range(1, 8).Select(i => $"person.{i}").ToList()), Cancel));
        var seven = await workspace.Send.Send(new OpenDirectConversation(workspace.OwnerId, Enumerable.Range(1, 7).Select(i => $"person.{i}").ToList()), Cancel);

        Assert.Equal("No one in this workspace has the handle @nobody.", unknown.Message);
        Assert.Equal("A conversation has at most 8 people.", tooMany.Message);
        Assert.Equal(8, seven.MemberCount);
        Assert.Equal(1, await workspace.QueryDbAsync(db => db.Channels.CountAsync(c => c.Kind == ChannelKind.Direct, Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task DirectConversation_CannotBeLeftOrRenamed(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        await workspace.AddMemberAsync("Ann Lee");
        var conversation = await workspace.Send.Send(new OpenDirectConversation(workspace.OwnerId, ["ann.lee"]), Cancel);

        var leave = await Assert.ThrowsAsync<DomainException>(async () => await workspace.Send.Send(new LeaveChannel(workspace.OwnerId, conversation.Id), Cancel));
        var rename = await Assert.ThrowsAsync<DomainException>(async () => await workspace.Send.Send(new RenameChannel(workspace.OwnerId, conversation.Id, "renamed"), Cancel));

        Assert.Equal("You can't leave a direct conversation.", leave.Message);
        Assert.Equal("Direct conversations have no name to change.", rename.Message);
    }
}
