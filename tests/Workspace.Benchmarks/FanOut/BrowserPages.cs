using Microsoft.Playwright;
using Workspace.Benchmarks.Server;

namespace Workspace.Benchmarks.FanOut;

/// <summary>
/// Real Chromium pages on the channel, as a check on the load client: each notes, with a MutationObserver, when a
/// posted message first appears in its DOM (<c>timeOrigin + performance.now()</c>) and reports it to the generator.
/// </summary>
public sealed class BrowserPages : IAsyncDisposable
{
    /// <summary>Debian's Chromium as the tests launch it: the headless shell where installed (test.sh installs it).</summary>
    private static readonly string[] DebianChromiums = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];

    private const string Observe = """
        ([prefix]) => {
            const seen = new Set();
            const pattern = new RegExp(prefix + '(\\d{5})', 'g');
            new MutationObserver(mutations => {
                const at = performance.timeOrigin + performance.now();
                for (const mutation of mutations)
                    for (const node of mutation.addedNodes)
                        for (const match of (node.textContent ?? '').matchAll(pattern)) {
                            const message = Number(match[1]);
                            if (!seen.has(message)) {
                                seen.add(message);
                                window.workspaceBenchReceipt(message, at);
                            }
                        }
            }).observe(document.body, { childList: true, subtree: true });
        }
        """;

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private BrowserPages(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    /// <summary>WORKSPACE_TEST_CHROMIUM, else the first of Debian's Chromiums that is installed (else the first).</summary>
    public static string Chromium => Environment.GetEnvironmentVariable("WORKSPACE_TEST_CHROMIUM") is { Length: > 0 } path
        ? path
        : DebianChromiums.FirstOrDefault(File.Exists) ?? DebianChromiums[0];

    /// <summary>Chromium as a container allows it to run: no sandbox, no GPU, and nothing it would fetch on its own.</summary>
    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = Chromium,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
    };

    public static async Task<BrowserPages> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(LaunchOptions);
        return new BrowserPages(playwright, browser);
    }

    /// <summary>Opens the channel as <paramref name="person"/> and returns once the page is live and observing.</summary>
    public async Task OpenAsync(Uri baseAddress, SignedInPerson person, int subscriber, ReceiptBook book)
    {
        var context = await browser.NewContextAsync();
        await context.AddCookiesAsync([new Cookie
        {
            Name = WorkspaceSeed.CookieName, Value = person.Cookie, Domain = baseAddress.Host, Path = "/", HttpOnly = true,
        }]);
        var page = await context.NewPageAsync();
        await page.ExposeFunctionAsync<int, double, bool>("workspaceBenchReceipt", (message, at) =>
        {
            book.ReceivedAtEpoch(subscriber, message, at);
            return true;
        });
        await page.GotoAsync(new Uri(baseAddress, $"c/{WorkspaceSeed.Channel}").ToString());
        await page.Locator("html[data-circuit=connected]").WaitForAsync(new() { Timeout = 60_000 });
        await page.EvaluateAsync(Observe, new object[] { book.Prefix });
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
