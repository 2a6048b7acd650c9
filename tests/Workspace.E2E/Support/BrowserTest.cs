using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workspace.Domain.Members;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Setup;

namespace Workspace.E2E.Support;

/// <summary>
/// A test against a fresh first-run workspace of its own: one server per test, and a browser context per person.
/// </summary>
public abstract class BrowserTest(BrowserFixture browsers) : IAsyncLifetime
{
    private readonly List<IBrowserContext> contexts = [];

    protected WorkspaceServer Server { get; set; } = default!;

    /// <summary>Configuration for this class's server, over the tests' defaults.</summary>
    protected virtual (string Key, string Value)[] Settings => [];

    public virtual async ValueTask InitializeAsync() =>
        // Starting the host blocks (migrations, Kestrel bind); keep it off the test's synchronization context.
        Server = await Task.Run(() => WorkspaceServer.Start(Settings), TestContext.Current.CancellationToken);

    /// <summary>A new person: a browser context of their own (own cookies), with one page.</summary>
    /// <param name="baseAddress">Where the person's relative addresses go, when not to <see cref="Server"/>.</param>
    protected async Task<IPage> NewPersonAsync(ViewportSize? viewport = null, Uri? baseAddress = null)
    {
        var context = await browsers.Browser.NewContextAsync(new()
        {
            BaseURL = (baseAddress ?? Server.BaseAddress).ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>The owner sets the workspace up and invites Ben; both end up in #general, connected.</summary>
    /// <param name="baseAddress">The app to do it on, when not <see cref="Server"/>.</param>
    protected async Task<(IPage Owner, IPage Member)> OwnerAndMemberAsync(Uri? baseAddress = null)
    {
        var owner = await NewPersonAsync(baseAddress: baseAddress);
        await owner.SetUpWorkspaceAsync(People.Owner);
        var link = await owner.CreateInviteLinkAsync();
        var member = await NewPersonAsync(baseAddress: baseAddress);
        await member.JoinByInviteAsync(link, People.Member);
        return (owner, member);
    }

    /// <summary>The app's domain, for tests that arrange what came before through it rather than through pages.</summary>
    protected Sender Domain => Server.Services.GetRequiredService<Sender>();

    /// <summary>Sets the workspace up through the domain, as the owner does on /setup; answers the owner's id.</summary>
    protected async Task<Guid> SetUpThroughDomainAsync() =>
        await Domain.Send(new SetUpWorkspace(People.WorkspaceName, People.Owner.Name, People.Owner.Email, People.Owner.Password),
            TestContext.Current.CancellationToken);

    /// <summary>Ben joins through an invite of the owner's, accepted through the domain; answers his id.</summary>
    protected async Task<Guid> InviteMemberThroughDomainAsync(Guid ownerId)
    {
        var invite = await Domain.Send(new CreateInvite(ownerId), TestContext.Current.CancellationToken);
        return await Domain.Send(new AcceptInvite(invite.Token, People.Member.Name, People.Member.Email, People.Member.Password),
            TestContext.Current.CancellationToken);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
            await DescribePagesAsync();
        foreach (var context in contexts)
            await context.CloseAsync();
        if (Server is not null)
            await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Where each person was and what their page said when the test failed, on the console (which CI keeps) and as
    /// pictures beside the screenshots: an intermittent failure can then be read rather than guessed at.
    /// </summary>
    private async Task DescribePagesAsync()
    {
        var test = TestContext.Current.Test?.TestDisplayName ?? "test";
        var pages = contexts.SelectMany(c => c.Pages).ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            try
            {
                var text = await pages[i].Locator("body").InnerTextAsync(new() { Timeout = 2_000 });
                var circuit = await pages[i].Locator("html").GetAttributeAsync("data-circuit", new() { Timeout = 2_000 });
                Console.WriteLine($"[failed] {test}: person {i + 1} at {pages[i].Url} (circuit {circuit ?? "none"}) shows:\n{text}");
                await Screenshots.SaveAsync(pages[i], $"failed-{Screenshots.FileName(test)}-{i + 1}");
            }
            catch (PlaywrightException e)
            {
                Console.WriteLine($"[failed] {test}: person {i + 1} at {pages[i].Url} could not be read: {e.Message}");
            }
        }
    }
}
