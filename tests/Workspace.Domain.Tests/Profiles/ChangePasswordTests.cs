using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Profiles;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Profiles;

public sealed class ChangePasswordTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task ChangePassword_WithTheRightCurrentPassword_ChangesItRenewsTheStampAndIsAudited(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var stampBefore = await StampAsync(workspace);

        await workspace.Send.Send(new ChangePassword(workspace.OwnerId, TestWorkspace.OwnerPassword, "a brand new password"), Cancel);

        Assert.True(await ChecksAsync(workspace, "a brand new password"));
        Assert.False(await ChecksAsync(workspace, TestWorkspace.OwnerPassword));
        Assert.NotEqual(stampBefore, await StampAsync(workspace));
        var audit = await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, AuditActions.PasswordChanged), Cancel);
        Assert.Single(audit.Entries);
    }

    public static TheoryData<string, string, string, string> Refusals => new()
    {
        { TestWorkspace.Sqlite, "wrong password", "a brand new password", "DomainException: Your current password is not right." },
        { TestWorkspace.Sqlite, "", "a brand new password", "DomainException: Your current password is not right." },
        { TestWorkspace.Sqlite, TestWorkspace.OwnerPassword, "short", "InvalidInputException: Passwords are at least 8 characters." },
        { TestWorkspace.Postgres, TestWorkspace.OwnerPassword, new string('p', 257), "InvalidInputException: Passwords are at most 256 characters." },
        { TestWorkspace.Postgres, "wrong password", "a brand new password", "DomainException: Your current password is not right." },
    };

    [Theory, MemberData(nameof(Refusals))]
    public async Task ChangePassword_WhenRefused_KeepsTheOldPasswordAndStamp(string provider, string current, string next, string expected)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var stampBefore = await StampAsync(workspace);

        var outcome = await Outcomes.OfAsync(() => workspace.Send.Send(new ChangePassword(workspace.OwnerId, current, next), Cancel).AsTask());

        Assert.Equal(expected, outcome);
        Assert.True(await ChecksAsync(workspace, TestWorkspace.OwnerPassword));
        Assert.Equal(stampBefore, await StampAsync(workspace));
        Assert.Empty((await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, AuditActions.PasswordChanged), Cancel)).Entries);
    }

    private static Task<string?> StampAsync(TestWorkspace workspace) =>
        workspace.QueryDbAsync(db => db.Users.Where(u => u.Id == workspace.OwnerId).Select(u => u.SecurityStamp).SingleAsync());

    private static Task<bool> ChecksAsync(TestWorkspace workspace, string password) =>
        workspace.QueryDbAsync(async db =>
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == workspace.OwnerId);
            return new PasswordHasher<Domain.Members.User>().VerifyHashedPassword(user, user.PasswordHash!, password)
                != PasswordVerificationResult.Failed;
        });
}
