using Microsoft.Playwright;
using Workspace.Benchmarks.FanOut;

namespace Workspace.E2E.Support;

/// <summary>One Chromium for the whole assembly; each test opens its own contexts (one per person).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;
    private string? missing;

    public async ValueTask InitializeAsync()
    {
        var path = BrowserPages.Chromium;
        if (!File.Exists(path))
        {
            // Reported by every test that asks for the browser, so a missing browser skips (or fails in CI) visibly.
            missing = $"Chromium was not found at {path}. Install it (apt-get install chromium-headless-shell) or point WORKSPACE_TEST_CHROMIUM at one.";
            return;
        }
        Assertions.SetDefaultExpectTimeout(10_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(BrowserPages.LaunchOptions);
    }

    public IBrowser Browser
    {
        get
        {
            if (missing is not null)
            {
                if (Environment.GetEnvironmentVariable("CI") == "true")
                    Assert.Fail(missing + " CI=true, so the end-to-end tests fail rather than skip.");
                Assert.Skip(missing);
            }
            return browser!;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
            await browser.DisposeAsync();
        playwright?.Dispose();
    }
}
