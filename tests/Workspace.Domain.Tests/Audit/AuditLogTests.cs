using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Audit;

public sealed class AuditLogTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetAuditLog_WhenFilteredAndPaged_ReturnsNewestFirstWithoutGapsOrRepeats(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        for (var i = 0; i < 60; i++)
            await workspace.Send.Send(new CreateInvite(workspace.OwnerId, $"person{i:00}@example.com"), Cancel);
        ClientOrigin.Address = "203.0.113.7";
        await workspace.Send.Send(new RecordSignInProblem("owner@example.com", AuditActions.SignInFailed), Cancel);
        ClientOrigin.Address = null;

        var first = await workspace.Send.Send(new GetAuditLog(workspace.OwnerId), Cancel);
        var second = await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, Before: first.Entries[^1].Id), Cancel);
        var invites = await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, AuditActions.InviteCreated, "PERSON0"), Cancel);
        var failures = await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, Search: "203.0.113"), Cancel);

        Assert.Equal((50, true, 11, false), (first.Entries.Count, first.HasMore, second.Entries.Count, second.HasMore));
        Assert.Equal(61, first.Entries.Concat(second.Entries).Select(e => e.Id).Distinct().Count());
        Assert.Equal(AuditActions.SignInFailed, first.Entries[0].Action);
        Assert.Equal(["person09@example.com", "person08@example.com"], invites.Entries.Take(2).Select(e => e.Target));
        Assert.Equal(10, invites.Entries.Count);
        var failure = Assert.Single(failures.Entries);
        Assert.Equal(("not signed in", "owner@example.com", "Olivia Owner (@olivia.owner)", "203.0.113.7"),
            (failure.ActorName, failure.Target, failure.Detail, failure.Address));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetAuditLog_WhenAMemberAsksOrTheKindIsUnknown_IsRefused(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");

        var member = await Assert.ThrowsAsync<ForbiddenException>(async () => await workspace.Send.Send(new GetAuditLog(ann), Cancel));
        var kind = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, "drop table"), Cancel));

        Assert.Equal("Only admins can do that.", member.Message);
        Assert.Equal("There is no such kind of audit entry.", kind.Message);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task RecordSignInProblem_WhenTheActionIsNotASignInProblem_RecordsNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
            await workspace.Send.Send(new RecordSignInProblem("owner@example.com", AuditActions.RoleChanged), Cancel));

        Assert.Equal(0, await workspace.QueryDbAsync(db => db.AuditEntries.CountAsync(Cancel)));
    }
}
