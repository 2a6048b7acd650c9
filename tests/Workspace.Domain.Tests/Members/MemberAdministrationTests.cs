using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Admin;
using Workspace.Domain.Audit;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Messages;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Members;

public sealed class MemberAdministrationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Task<WorkspaceRole> RoleAsync(TestWorkspace workspace, Guid userId) =>
        workspace.QueryDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.Role).SingleAsync(Cancel));

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task ChangeRole_WhenAdminPromotesAMember_TellsTheirPagesAndAuditsIt(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        using var events = new EventRecorder(workspace.Events, ChatEvent.UserStream(ann));

        await workspace.Send.Send(new ChangeRole(workspace.OwnerId, ann, WorkspaceRole.Admin), Cancel);

        Assert.Equal(WorkspaceRole.Admin, await RoleAsync(workspace, ann));
        Assert.Equal(ann, (await events.WaitForAsync<AccountChanged>()).UserId);
        var entry = Assert.Single((await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, AuditActions.RoleChanged), Cancel)).Entries);
        Assert.Equal(("Olivia Owner (@olivia.owner)", "Ann (@ann)", "member → admin"), (entry.ActorName, entry.Target, entry.Detail));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task ChangeRole_WhenNotAllowed_IsRefusedAndChangesNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ada = await workspace.InviteAsync("Ada", WorkspaceRole.Admin);

        var member = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new ChangeRole(ann, ann, WorkspaceRole.Admin), Cancel));
        var adminMakesOwner = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new ChangeRole(ada, ann, WorkspaceRole.Owner), Cancel));
        var adminDemotesOwner = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new ChangeRole(ada, workspace.OwnerId, WorkspaceRole.Member), Cancel));
        var lastOwner = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new ChangeRole(workspace.OwnerId, workspace.OwnerId, WorkspaceRole.Admin), Cancel));
        var bot = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new ChangeRole(workspace.OwnerId, ann, WorkspaceRole.Bot), Cancel));
        var nobody = await Assert.ThrowsAsync<NotFoundException>(async () =>
            await workspace.Send.Send(new ChangeRole(workspace.OwnerId, Guid.NewGuid(), WorkspaceRole.Admin), Cancel));

        Assert.Equal("Only admins can change roles.", member.Message);
        Assert.Equal("Only an owner can make someone an owner or change an owner's role.", adminMakesOwner.Message);
        Assert.Equal(adminMakesOwner.Message, adminDemotesOwner.Message);
        Assert.Equal("The workspace needs an owner: make someone else an owner first.", lastOwner.Message);
        Assert.Equal("Bots keep their role; manage them with the workspace's integrations.", bot.Message);
        Assert.Equal("There is no such person in this workspace.", nobody.Message);
        Assert.Equal((WorkspaceRole.Member, WorkspaceRole.Owner, WorkspaceRole.Admin),
            (await RoleAsync(workspace, ann), await RoleAsync(workspace, workspace.OwnerId), await RoleAsync(workspace, ada)));
        Assert.Empty((await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, AuditActions.RoleChanged), Cancel)).Entries);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task ChangeRole_WhenOwnerHandsOver_TheNewOwnerCanThenDemoteTheOld(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");

        await workspace.Send.Send(new ChangeRole(workspace.OwnerId, ann, WorkspaceRole.Owner), Cancel);
        await workspace.Send.Send(new ChangeRole(workspace.OwnerId, workspace.OwnerId, WorkspaceRole.Admin), Cancel);
        var annAlone = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new ChangeRole(ann, ann, WorkspaceRole.Member), Cancel));

        Assert.Equal((WorkspaceRole.Owner, WorkspaceRole.Admin), (await RoleAsync(workspace, ann), await RoleAsync(workspace, workspace.OwnerId)));
        Assert.Equal("The workspace needs an owner: make someone else an owner first.", annAlone.Message);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task DeactivateMember_WhenAdminDoes_EndsSessionsAndRefusesEverythingTheyTry(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        var before = await workspace.PostAsync(ann, general, "still here after");
        var stamp = await workspace.QueryDbAsync(db => db.Users.Where(u => u.Id == ann).Select(u => u.SecurityStamp).SingleAsync(Cancel));
        using var events = new EventRecorder(workspace.Events, ChatEvent.UserStream(ann));

        await workspace.Send.Send(new DeactivateMember(workspace.OwnerId, ann), Cancel);

        Assert.Equal(ann, (await events.WaitForAsync<AccountChanged>()).UserId);
        var user = await workspace.QueryDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == ann, Cancel));
        Assert.False(user.IsActive);
        Assert.NotEqual(stamp, user.SecurityStamp);
        foreach (var attempt in new Func<Task>[]
        {
            async () => await workspace.Send.Send(new GetSidebar(ann), Cancel),
            async () => await workspace.Send.Send(new GetMember(ann), Cancel),
            async () => await workspace.Send.Send(new PostMessage(ann, general, "sneaky", Guid.NewGuid()), Cancel),
            async () => await workspace.Send.Send(new GetChannelMessages(ann, general), Cancel),
        })
            Assert.Equal("Sign in to continue.", (await Assert.ThrowsAsync<ForbiddenException>(attempt)).Message);
        Assert.Equal("still here after", (await workspace.StoredAsync(before.Id)).Text);
        Assert.DoesNotContain((await workspace.Send.Send(new GetPeople(workspace.OwnerId), Cancel)), p => p.Id == ann);
        Assert.Single((await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, AuditActions.MemberDeactivated), Cancel)).Entries);

        await workspace.Send.Send(new ReactivateMember(workspace.OwnerId, ann), Cancel);
        Assert.Equal("Ann", (await workspace.Send.Send(new GetMember(ann), Cancel)).DisplayName);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task DeactivateMember_WhenNotAllowed_IsRefused(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ada = await workspace.InviteAsync("Ada", WorkspaceRole.Admin);

        var self = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new DeactivateMember(ada, ada), Cancel));
        var owner = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new DeactivateMember(ada, workspace.OwnerId), Cancel));
        var member = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new DeactivateMember(ann, ada), Cancel));

        Assert.Equal("You cannot deactivate your own account.", self.Message);
        Assert.Equal("Only an owner can deactivate an owner.", owner.Message);
        Assert.Equal("Only admins can do that.", member.Message);
        Assert.Equal(0, await workspace.QueryDbAsync(db => db.Users.CountAsync(u => u.DeactivatedAt != null, Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PasswordReset_WhenTheLinkIsUsed_SetsThePasswordOnceAndEndsOtherSessions(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var stale = await workspace.Send.Send(new CreatePasswordResetLink(workspace.OwnerId, ann), Cancel);
        var link = await workspace.Send.Send(new CreatePasswordResetLink(workspace.OwnerId, ann), Cancel);
        var stamp = await workspace.QueryDbAsync(db => db.Users.Where(u => u.Id == ann).Select(u => u.SecurityStamp).SingleAsync(Cancel));

        var replaced = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new ResetPassword(stale.Token, "a brand new one"), Cancel));
        var tooShort = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await workspace.Send.Send(new ResetPassword(link.Token, "short"), Cancel));
        await workspace.Send.Send(new ResetPassword(link.Token, "a brand new one"), Cancel);
        var again = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new ResetPassword(link.Token, "and another one"), Cancel));

        Assert.Equal("This password reset link is not valid any more. Ask an admin for a new one.", replaced.Message);
        Assert.Equal(replaced.Message, again.Message);
        Assert.Equal("Passwords are at least 8 characters.", tooShort.Message);
        var user = await workspace.QueryDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == ann, Cancel));
        Assert.NotEqual(stamp, user.SecurityStamp);
        var hasher = new PasswordHasher<User>();
        Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(user, user.PasswordHash!, "a brand new one"));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(user, user.PasswordHash!, "member-password"));
        var stored = await workspace.QueryDbAsync(db => db.PasswordResets.Select(r => r.TokenHash).ToListAsync(Cancel));
        Assert.Equal([Tokens.Hash(link.Token)], stored);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PasswordReset_WhenMemberAsksOrPersonIsDeactivated_IsRefused(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var link = await workspace.Send.Send(new CreatePasswordResetLink(workspace.OwnerId, ben), Cancel);
        await workspace.Send.Send(new DeactivateMember(workspace.OwnerId, ben), Cancel);

        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new CreatePasswordResetLink(ann, ben), Cancel));
        var deactivated = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new CreatePasswordResetLink(workspace.OwnerId, ben), Cancel));
        var used = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new ResetPassword(link.Token, "a brand new one"), Cancel));

        Assert.Equal("Ben is deactivated: reactivate them first.", deactivated.Message);
        Assert.Equal("This password reset link is not valid any more. Ask an admin for a new one.", used.Message);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetMemberList_WhenSearchingAndPaging_FindsByNameHandleOrEmail(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        for (var i = 0; i < 55; i++)
            await workspace.AddMemberAsync($"Person {i:00}");
        var zoe = await workspace.AddMemberAsync("Zoë 100%_match");

        var first = await workspace.Send.Send(new GetMemberList(workspace.OwnerId), Cancel);
        var second = await workspace.Send.Send(new GetMemberList(workspace.OwnerId, Page: 2), Cancel);
        var byHandle = await workspace.Send.Send(new GetMemberList(workspace.OwnerId, "OLIVIA"), Cancel);
        var literal = await workspace.Send.Send(new GetMemberList(workspace.OwnerId, "100%_"), Cancel);
        var byEmail = await workspace.Send.Send(new GetMemberList(workspace.OwnerId, "owner@EXAMPLE"), Cancel);

        Assert.Equal((57, 2, 50, 7), (first.Total, first.Pages, first.Members.Count, second.Members.Count));
        Assert.Equal("Olivia Owner", first.Members[0].DisplayName);
        Assert.Empty(first.Members.Select(m => m.Id).Intersect(second.Members.Select(m => m.Id)));
        Assert.Equal(["Olivia Owner"], byHandle.Members.Select(m => m.DisplayName));
        Assert.Equal([zoe], literal.Members.Select(m => m.Id));
        Assert.Equal(["Olivia Owner"], byEmail.Members.Select(m => m.DisplayName));
    }
}
