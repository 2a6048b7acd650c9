using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Support;

/// <summary>What an admin does on the /admin pages, by the names a person sees.</summary>
public static class AdminActions
{
    public static ILocator AdminTabs(this IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Administration", Exact = true });

    /// <summary>
    /// Opens an admin page from the sidebar's Administration link and the tab named <paramref name="tab"/>, each once
    /// the page before it is shown: every admin page starts with the same tabs, so a tab could be clicked on the page
    /// being left, and that click was lost when the page was replaced under it (seen in CI: the test went on from the
    /// Workspace tab, since the sidebar's own "Channels" heading satisfied the check that used to follow).
    /// </summary>
    public static async Task OpenAdminAsync(this IPage page, string tab)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Administration", Exact = true }).ClickAsync();
        await Expect(page.AdminSection("Workspace")).ToBeVisibleAsync();
        if (tab != "Workspace")
            await page.AdminTabs().GetByRole(AriaRole.Link, new() { Name = tab, Exact = true }).ClickAsync();
        await Expect(page.AdminSection(tab)).ToBeVisibleAsync();
    }

    /// <summary>An admin page's own heading, not the sidebar's headings of the same name.</summary>
    private static ILocator AdminSection(this IPage page, string heading) =>
        page.Locator("section.admin-page").GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true, Level = 2 });

    /// <summary>Fills in Invite people on the Members page and reads the new link.</summary>
    public static async Task<string> InviteAsync(this IPage page, string? email, string role = "Member", params string[] guestChannels)
    {
        if (email is not null)
            await page.GetByLabel("Invitee's email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Invite as", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = role });
        foreach (var channel in guestChannels)
            await page.GetByRole(AriaRole.Group, new() { Name = "Guest's channels", Exact = true })
                .GetByRole(AriaRole.Checkbox, new() { Name = channel, Exact = true }).CheckAsync();
        await page.Button("Create invite link").ClickAsync();
        var field = page.GetByLabel("Invite link", new() { Exact = true });
        await Expect(field).ToHaveValueAsync(new Regex("/invite/[^/]+$"));
        return await field.InputValueAsync();
    }

    public static ILocator MemberRow(this IPage page, string handle) =>
        page.GetByRole(AriaRole.Table, new() { Name = "Members", Exact = true }).Locator($"tr[data-handle=\"{handle}\"]");
}
