using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workspace.Domain.Admin;
using Workspace.Domain.Channels;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Members;
using Workspace.Domain.Messages;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Setup;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Authorization;

/// <summary>
/// The access matrix seen through the pages: each kind of person opens every kind of channel by its address and by a
/// permalink, and every admin page. The domain tests prove the table for every command; this proves that the pages
/// show exactly what it allows and that a refusal reads the same as a channel that does not exist.
/// </summary>
public sealed class PageAccessMatrixTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    private const string Password = "a long enough password";
    private const string NotFound = "This channel does not exist or you do not have access to it.";

    private enum Actor { Guest, Member, Admin }

    private sealed record Place(string Name, bool IsPublic, bool ActorsAreMembers, bool Archived = false);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryKindOfPerson_OpeningEveryKindOfChannelAndAdminPage_SeesOnlyWhatTheTableAllows()
    {
        var (places, emails) = await BuildAsync();
        var problems = new List<string>();
        var visits = 0;

        foreach (var actor in Enum.GetValues<Actor>())
        {
            var page = await NewPersonAsync();
            await page.GotoAsync("/login");
            await page.SignInAsync(emails[actor], Password);
            await page.WaitForCircuitAsync();

            foreach (var place in places)
                foreach (var path in new[] { $"/c/{Uri.EscapeDataString(place.Name)}", $"/c/{Uri.EscapeDataString(place.Name)}/1" })
                {
                    visits++;
                    var canSee = place.ActorsAreMembers || (place.IsPublic && actor != Actor.Guest);
                    var shows = await OpenAsync(page, path);
                    var expected = canSee ? place.Archived ? "history, archived" : "history" : NotFound;
                    if (shows != expected)
                        problems.Add($"{actor} {path}: expected \"{expected}\", saw \"{shows}\"");
                }

            foreach (var path in new[] { "/admin", "/admin/members", "/admin/channels", "/admin/integrations", "/admin/audit", "/admin/backup" })
            {
                visits++;
                var status = (await page.GotoAsync(path))!.Status;
                var expected = actor == Actor.Admin ? 200 : 403;
                if (status != expected)
                    problems.Add($"{actor} {path}: expected {expected}, got {status}");
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} of {visits} visits differ:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public async Task SomeoneSignedOut_OpeningAnyPage_IsSentToSignIn()
    {
        var owner = await NewPersonAsync();
        await owner.SetUpWorkspaceAsync(People.Owner);
        var visitor = await NewPersonAsync();

        foreach (var path in new[] { "/c/general", "/c/general/1", "/dm/olivia.owner", "/admin", "/admin/members", "/profile", "/browse" })
        {
            await visitor.GotoAsync(path);
            await Expect(visitor).ToHaveURLAsync(new Regex("/login"));
            await Expect(visitor.Button("Sign in")).ToBeVisibleAsync();
        }
    }

    /// <summary>What the page shows once its live connection is up: the history (and whether archived) or the refusal.</summary>
    private static async Task<string> OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        var refusal = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = NotFound });
        var history = page.MessageLog().Locator("article[data-seq=\"1\"]");
        await Expect(refusal.Or(history)).ToBeVisibleAsync();
        if (await refusal.IsVisibleAsync())
            return await page.MessageLog().CountAsync() == 0 ? NotFound : "both a refusal and a history";
        var archived = await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "This channel is archived." }).CountAsync() > 0;
        var canType = await page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("^Message") }).CountAsync() > 0;
        return archived && !canType ? "history, archived" : archived ? "history, archived but writable" : "history";
    }

    /// <summary>The workspace, its people and one channel of each kind, made through the domain as the app would.</summary>
    private async Task<(IReadOnlyList<Place> Places, Dictionary<Actor, string> Emails)> BuildAsync()
    {
        var send = Server.Services.GetRequiredService<Sender>();
        var owner = await send.Send(new SetUpWorkspace(People.WorkspaceName, People.Owner.Name, People.Owner.Email, People.Owner.Password), Cancel);
        var bystander = await JoinAsync(send, owner, "Bea Bystander", WorkspaceRole.Member, []);
        var lobby = await send.Send(new CreateChannel(owner, "lobby", IsPrivate: false), Cancel);
        var emails = new Dictionary<Actor, string>();
        var ids = new Dictionary<Actor, Guid>();
        foreach (var actor in Enum.GetValues<Actor>())
        {
            var role = actor switch { Actor.Guest => WorkspaceRole.Guest, Actor.Admin => WorkspaceRole.Admin, _ => WorkspaceRole.Member };
            emails[actor] = $"{actor.ToString().ToLowerInvariant()}@example.com";
            ids[actor] = await JoinAsync(send, owner, $"{actor} Person", role, [lobby.Id], emails[actor]);
        }
        var handles = new Dictionary<Actor, string>();
        foreach (var (actor, id) in ids)
            handles[actor] = (await send.Send(new GetMember(id), Cancel)).Handle;

        var places = new List<Place>();
        async Task AddChannelAsync(string name, bool isPrivate, bool actorsJoin, bool leave = false, bool archive = false)
        {
            var channel = await send.Send(new CreateChannel(owner, name, isPrivate), Cancel);
            if (actorsJoin)
                foreach (var handle in handles.Values)
                    await send.Send(new AddChannelMember(owner, channel.Id, handle), Cancel);
            await send.Send(new PostMessage(owner, channel.Id, $"the first word in #{name}", Guid.NewGuid()), Cancel);
            if (leave)
                foreach (var id in ids.Values)
                    await send.Send(new LeaveChannel(id, channel.Id), Cancel);
            if (archive)
                await send.Send(new ArchiveChannel(owner, channel.Id), Cancel);
            places.Add(new Place(name, !isPrivate, actorsJoin && !leave, archive));
        }
        await AddChannelAsync("pub-member", isPrivate: false, actorsJoin: true);
        await AddChannelAsync("pub-outsider", isPrivate: false, actorsJoin: false);
        await AddChannelAsync("pub-former", isPrivate: false, actorsJoin: true, leave: true);
        await AddChannelAsync("pub-archived", isPrivate: false, actorsJoin: true, archive: true);
        await AddChannelAsync("prv-member", isPrivate: true, actorsJoin: true);
        await AddChannelAsync("prv-outsider", isPrivate: true, actorsJoin: false);
        await AddChannelAsync("prv-former", isPrivate: true, actorsJoin: true, leave: true);
        await AddChannelAsync("prv-archived", isPrivate: true, actorsJoin: true, archive: true);

        // Direct conversations are named by a key, never by a channel name; their address must not open them either.
        var bystanderHandle = (await send.Send(new GetMember(bystander), Cancel)).Handle;
        var theirs = await send.Send(new OpenDirectConversation(owner, [bystanderHandle]), Cancel);
        await send.Send(new PostMessage(owner, theirs.Id, "between the two of us", Guid.NewGuid()), Cancel);
        places.Add(new Place(theirs.Name, IsPublic: false, ActorsAreMembers: false));
        var ours = await send.Send(new OpenDirectConversation(owner, [.. handles.Values]), Cancel);
        await send.Send(new PostMessage(owner, ours.Id, "hello all of you", Guid.NewGuid()), Cancel);
        places.Add(new Place(ours.Name, IsPublic: false, ActorsAreMembers: true));
        return (places, emails);
    }

    private static async Task<Guid> JoinAsync(Sender send, Guid owner, string name, WorkspaceRole role, Guid[] channels,
        string? email = null)
    {
        var invite = await send.Send(new CreateInvite(owner, Role: role, ChannelIds: channels), Cancel);
        return await send.Send(new AcceptInvite(invite.Token, name, email ?? $"{Guid.NewGuid():N}@example.com", Password), Cancel);
    }
}
