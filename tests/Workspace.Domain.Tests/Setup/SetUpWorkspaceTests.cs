using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Setup;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Setup;

public sealed class SetUpWorkspaceTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task SetUpWorkspace_WhenFirstRun_CreatesOwnerAndGeneralWithOwnerInIt(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider, setUp: false);
        Assert.Equal(new WorkspaceStatus(false, null), await workspace.Send.Send(new GetWorkspaceStatus(), Cancel));

        var ownerId = await workspace.Send.Send(
            new SetUpWorkspace("  Acme Corp ", "Olivia Owner", "olivia@example.com", "correct-horse"), Cancel);

        Assert.Equal(new WorkspaceStatus(true, "Acme Corp"), await workspace.Send.Send(new GetWorkspaceStatus(), Cancel));
        Assert.Equal(new MemberView(ownerId, "Olivia Owner", "olivia.owner", WorkspaceRole.Owner, CanCreateChannels: true),
            await workspace.Send.Send(new GetMember(ownerId), Cancel));
        var sidebar = await workspace.Send.Send(new GetSidebar(ownerId), Cancel);
        var general = Assert.Single(sidebar);
        Assert.Equal((Channel.General, false, 0L), (general.Name, general.IsPrivate, general.Unread));
        var stored = await workspace.QueryDbAsync(db => db.Channels.SingleAsync(Cancel));
        Assert.Equal((ChannelKind.Public, ownerId), (stored.Kind, stored.CreatedById));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task SetUpWorkspace_WhenAlreadySetUp_RefusesAndChangesNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);

        var refused = await Assert.ThrowsAsync<DomainException>(async () => await workspace.Send.Send(
            new SetUpWorkspace("Other", "Mallory", "mallory@example.com", "password-2"), Cancel));

        Assert.Equal("This workspace is already set up.", refused.Message);
        Assert.Equal(new WorkspaceStatus(true, "Acme"), await workspace.Send.Send(new GetWorkspaceStatus(), Cancel));
        Assert.Equal([workspace.OwnerId], await workspace.QueryDbAsync(db => db.Users.Select(u => u.Id).ToListAsync(Cancel)));
        Assert.Equal([Channel.General], await workspace.QueryDbAsync(db => db.Channels.Select(c => c.Name).ToListAsync(Cancel)));
        Assert.Equal(1, await workspace.QueryDbAsync(db => db.Memberships.CountAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task SetUpWorkspace_WhenTwoRunAtOnce_ExactlyOneSucceeds(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider, setUp: false);

        var attempts = await Task.WhenAll(new[] { "ann", "ben" }.Select(name => Task.Run(async () =>
        {
            try
            {
                await workspace.Send.Send(new SetUpWorkspace(name, name, $"{name}@example.com", "password-1"), Cancel);
                return "ok";
            }
            catch (DomainException e)
            {
                return e.Message;
            }
        }, Cancel)));

        Assert.Equal(["ok", "This workspace is already set up."], attempts.OrderBy(a => a != "ok"));
        Assert.Equal(1, await workspace.QueryDbAsync(db => db.Users.CountAsync(Cancel)));
        Assert.Equal(1, await workspace.QueryDbAsync(db => db.Channels.CountAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task SetUpWorkspace_WhenInputIsInvalid_RefusesWithTheRuleAndCreatesNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider, setUp: false);
        var cases = new (SetUpWorkspace Command, string Error)[]
        {
            (new("", "Olivia", "olivia@example.com", "password-1"), "Enter a name for the workspace."),
            (new("   ", "Olivia", "olivia@example.com", "password-1"), "Enter a name for the workspace."),
            (new(new string('a', 81), "Olivia", "olivia@example.com", "password-1"), "Workspace names are at most 80 characters."),
            (new("Acme", " ", "olivia@example.com", "password-1"), "Enter your name."),
            (new("Acme", "Olivia", "not-an-email", "password-1"), "Enter a valid email address."),
            (new("Acme", "Olivia", "olivia@example.com", "short"), "Passwords are at least 8 characters."),
        };

        foreach (var (command, error) in cases)
        {
            var refused = await Assert.ThrowsAsync<InvalidInputException>(async () => await workspace.Send.Send(command, Cancel));
            Assert.Equal([error], refused.Errors);
        }

        Assert.Equal(new WorkspaceStatus(false, null), await workspace.Send.Send(new GetWorkspaceStatus(), Cancel));
        Assert.Equal(0, await workspace.QueryDbAsync(db => db.Users.CountAsync(Cancel)));
        Assert.Equal(0, await workspace.QueryDbAsync(db => db.Channels.CountAsync(Cancel)));
        var longest = await workspace.Send.Send(new SetUpWorkspace(new string('a', 80), "Olivia", "olivia@example.com", "12345678"), Cancel);
        Assert.Equal(new string('a', 80), (await workspace.Send.Send(new GetWorkspaceStatus(), Cancel)).Name);
        Assert.Equal(WorkspaceRole.Owner, (await workspace.Send.Send(new GetMember(longest), Cancel)).Role);
    }
}
