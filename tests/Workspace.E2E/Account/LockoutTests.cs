using System.Text.RegularExpressions;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Account;

public sealed class LockoutTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    private const string Locked = "Too many failed attempts. This account is locked for a few minutes; try again later.";

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_RefusesEvenTheRightPassword()
    {
        var owner = await NewPersonAsync();
        await owner.SetUpWorkspaceAsync(People.Owner);
        var page = await NewPersonAsync();
        await page.GotoAsync("/login");

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await page.SubmitAndWaitForNewDocumentAsync(() => page.SignInAsync(People.Owner.Email, $"wrong password {attempt}"));
            await Expect(page.Alert()).ToHaveTextAsync("Wrong email or password.");
        }
        // The fifth failure is the one that locks the account, and it says so at once.
        await page.SubmitAndWaitForNewDocumentAsync(() => page.SignInAsync(People.Owner.Email, "wrong password 5"));
        await Expect(page.Alert()).ToHaveTextAsync(Locked);

        await page.SubmitAndWaitForNewDocumentAsync(() => page.SignInAsync(People.Owner.Email, People.Owner.Password));
        await Expect(page.Alert()).ToHaveTextAsync(Locked);
        await Expect(page).ToHaveURLAsync(new Regex("/login$"));
        await Screenshots.SaveAsync(page, "sign-in-locked");

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/login$"));
    }
}
