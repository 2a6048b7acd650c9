using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.E2E.Profiles;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Hosting;

public sealed partial class ContentSecurityPolicyTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    private readonly List<string> violations = [];

    [Fact]
    public async Task MainFlows_UnderTheContentSecurityPolicy_RunWithoutViolations()
    {
        var owner = await WatchedPersonAsync();
        await owner.SetUpWorkspaceAsync(People.Owner);
        var link = await owner.CreateInviteLinkAsync();
        var ben = await WatchedPersonAsync();
        await ben.JoinByInviteAsync(link, People.Member);

        var root = await owner.PostAsync("general", "**Hello** @ben.member, see https://example.com", shownAs: "Hello");
        await root.OpenThreadAsync(owner);
        await owner.ReplyAsync("In the thread");
        await Expect(ben.Article(1).Locator(".mention")).ToBeVisibleAsync();
        await ben.Article(1).GetByRole(AriaRole.Button, new() { Name = People.Owner.Name, Exact = true }).ClickAsync();
        await Expect(ben.DialogNamed(People.Owner.Name)).ToBeFocusedAsync();
        await ben.Keyboard.PressAsync("Escape");
        await ben.OpenProfileAsync();
        foreach (var tab in new[] { "Workspace", "Members", "Channels", "Integrations", "Audit log" })
            await owner.OpenAdminAsync(tab);
        foreach (var path in new[] { "/browse", "/threads", "/mentions" })
        {
            await owner.GotoAsync(path);
            await owner.WaitForCircuitAsync();
        }

        await ben.Button("Sign out").ClickAsync();
        await Expect(ben).ToHaveURLAsync(new Regex("/login$"));
        await ben.SignInAsync(People.Member.Email, People.Member.Password);
        await ben.ExpectAtChannelAsync("general");

        await owner.GotoAsync("/api/docs");
        await Expect(owner.Locator(".swagger-ui .info .title")).ToContainTextAsync("Workspace API");
        await Expect(owner.Locator(".swagger-ui .opblock").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(owner, "api-docs-under-csp");

        lock (violations)
            Assert.True(violations.Count == 0, string.Join("\n", violations.Distinct()));
    }

    [Fact]
    public async Task Responses_CarryThePolicyAndProtectiveHeaders()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };

        var page = await http.GetAsync("/login", TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var policy = Header(page, "Content-Security-Policy");
        Assert.Contains("script-src 'self' 'nonce-", policy);
        foreach (var directive in new[] { "default-src 'self'", "connect-src 'self'", "img-src 'self';", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'" })
            Assert.Contains(directive, policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        // The import map is the page's only inline script, and it runs by this response's nonce.
        var nonce = Nonce().Match(policy).Groups[1].Value;
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", html);
        Assert.Equal(1, Regex.Count(html, "<script(?![^>]*\\ssrc=)"));

        foreach (var response in new[] { page, await http.GetAsync("/healthz", TestContext.Current.CancellationToken), await http.GetAsync("/api/v1/channels", TestContext.Current.CancellationToken) })
        {
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
            Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
            Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        }
        // A response that shows no page has no inline script or style to admit, so it carries no nonce.
        using var unredirected = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Server.BaseAddress };
        using var refused = new HttpRequestMessage(HttpMethod.Get, "/api/v1/channels") { Headers = { { "Authorization", "Bearer not-a-token" } } };
        foreach (var response in new[] { await unredirected.GetAsync("/healthz", TestContext.Current.CancellationToken), await unredirected.SendAsync(refused, TestContext.Current.CancellationToken) })
        {
            Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("nonce-", Header(response, "Content-Security-Policy"));
            Assert.Contains("script-src 'self';", Header(response, "Content-Security-Policy"));
        }

        var docs = await http.GetAsync("/api/docs/index.html", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("nonce-", Header(docs, "Content-Security-Policy"));
        Assert.Contains("script-src 'self';", Header(docs, "Content-Security-Policy"));
    }

    private async Task<IPage> WatchedPersonAsync()
    {
        var page = await NewPersonAsync();
        // Chromium's own console line does not say which script asked for what; the violation event does.
        await page.AddInitScriptAsync("""
            document.addEventListener("securitypolicyviolation", e => console.error(
                `Refused to allow ${e.effectiveDirective}: ${e.sample} (from ${e.sourceFile}:${e.lineNumber}:${e.columnNumber})`));
            """);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("Content Security Policy") || message.Text.StartsWith("Refused to")))
                lock (violations) violations.Add($"{page.Url}: {message.Text}");
        };
        return page;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();
}
