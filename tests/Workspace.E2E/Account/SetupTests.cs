using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Account;

public sealed class SetupTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [Fact]
    public async Task Setup_OnFirstRun_CreatesWorkspaceAndSignsInOwner()
    {
        var page = await NewPersonAsync();

        await page.SetUpWorkspaceAsync(People.Owner);

        await Expect(page.Sidebar().Locator("a[data-channel]")).ToHaveCountAsync(1);
        await Expect(page.ChannelLink("general")).ToHaveAttributeAsync("data-unread", "0");
        await Expect(page.ChannelLink("general")).ToHaveAttributeAsync("data-mentions", "0");
        await Expect(page.Button("Invite people")).ToBeVisibleAsync();
        await Expect(page.Button("Sign out")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "setup-owner-in-general");

        var again = await page.GotoAsync("/setup");
        Assert.Equal((int)HttpStatusCode.NotFound, again!.Status);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Server.BaseAddress };
        using var response = await http.GetAsync("/setup", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Setup_BeforeFirstRun_SendsEveryPageToSetup()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Server.BaseAddress };

        foreach (var path in new[] { "/", "/login", "/c/general" })
        {
            using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/setup", response.Headers.Location?.OriginalString);
        }
        using var healthz = await http.GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
    }

    [Fact]
    public async Task SignIn_AfterSignOut_RefusesWrongPasswordAndAcceptsRightOne()
    {
        var page = await NewPersonAsync();
        await page.SetUpWorkspaceAsync(People.Owner);

        await page.Button("Sign out").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/login$"));
        await Expect(page.Button("Sign in")).ToBeVisibleAsync();
        await Expect(page.Alert()).ToHaveCountAsync(0);

        await page.GotoAsync("/c/general");
        await Expect(page).ToHaveURLAsync(new Regex("/login\\?ReturnUrl=%2Fc%2Fgeneral$"));

        await page.SubmitAndWaitForNewDocumentAsync(() => page.SignInAsync(People.Owner.Email, "not the password"));
        await Expect(page.Alert()).ToHaveTextAsync("Wrong email or password.");
        await Expect(page).ToHaveURLAsync(new Regex("/login"));
        await Screenshots.SaveAsync(page, "sign-in-wrong-password");

        await page.SignInAsync(People.Owner.Email, People.Owner.Password);
        await page.ExpectAtChannelAsync("general");
        await Expect(page.ChannelLink("general")).ToHaveAttributeAsync("aria-current", "page");
    }
}
