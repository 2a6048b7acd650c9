using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workspace.Domain.Members;
using Workspace.Domain.Pipeline;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Support;

/// <summary>People beyond the owner and Ben, for flows that need a third (or fourth) person.</summary>
public static class MorePeople
{
    public static readonly Person Third = new("Cy Third", "cy@example.com", "cy's long password");
    public static readonly Person Fourth = new("Bea Baker", "bea@example.com", "bea's long password");
}

/// <summary>Mentions and direct conversations, by the names in CONTRACT.md and the components.</summary>
public static class ConversationActions
{
    /// <summary>The message box of a direct conversation, named after the other people: <c>Message Ben Member</c>.</summary>
    public static ILocator ConversationBox(this IPage page, string names) =>
        page.GetByRole(AriaRole.Textbox, new() { Name = $"Message {names}", Exact = true });

    public static ILocator MentionSuggestions(this IPage page) =>
        page.GetByRole(AriaRole.Listbox, new() { Name = "Mention suggestions", Exact = true });

    public static ILocator MentionsLink(this IPage page) =>
        page.Sidebar().GetByRole(AriaRole.Link, new() { Name = "Mentions", Exact = true });

    public static ILocator MentionsFeed(this IPage page) =>
        page.GetByRole(AriaRole.Feed, new() { Name = "Mentions of you", Exact = true });

    /// <summary>The sidebar's links to direct conversations (channels link to /c/...).</summary>
    public static ILocator ConversationLinks(this IPage page) => page.Sidebar().Locator("a[data-channel][href^=\"/dm/\"]");

    public static async Task ExpectAtConversationAsync(this IPage page, string handles, string names)
    {
        await Expect(page).ToHaveURLAsync(new Regex($"/dm/{Regex.Escape(handles)}$"));
        await page.WaitForCircuitAsync();
        await page.ConversationBox(names).ExpectReadyAsync();
    }

    /// <summary>
    /// Waits until a freshly shown message box takes Enter as "send". Its script attaches a moment after the box
    /// appears (after every move to another conversation, not only on page load) and marks it data-ready; an Enter
    /// before that breaks the line instead.
    /// </summary>
    public static Task ExpectReadyAsync(this ILocator box) => Expect(box).ToHaveAttributeAsync("data-ready", "true");

    /// <summary>Clicks a channel in the sidebar and waits until its message box takes Enter.</summary>
    public static async Task OpenChannelAsync(this IPage page, string channel)
    {
        await page.ChannelLink(channel).ClickAsync();
        await page.ExpectAtChannelAsync(channel);
        await page.MessageBox(channel).ExpectReadyAsync();
    }

    /// <summary>Sends through a given box and waits until the server has confirmed the message.</summary>
    public static async Task<ILocator> SendAsync(this IPage page, ILocator box, string text)
    {
        await box.FillAsync(text);
        await box.PressAsync("Enter");
        await Expect(box).ToHaveValueAsync("");
        var sent = page.Articles().Filter(new() { HasText = text });
        await Expect(sent).ToHaveCountAsync(1);
        await Expect(page.PendingArticles()).ToHaveCountAsync(0);
        return sent;
    }

    /// <summary>
    /// New message → tick each person → Start conversation; lands in the conversation, connected.
    /// <paramref name="handles"/> is the address the dialog goes to: the handles in the order they were ticked.
    /// </summary>
    public static async Task StartConversationAsync(this IPage page, string handles, params Person[] with)
    {
        await page.Sidebar().GetByRole(AriaRole.Button, new() { Name = "New message", Exact = true }).ClickAsync();
        var dialog = page.DialogNamed("New message");
        foreach (var person in with)
        {
            await dialog.GetByRole(AriaRole.Searchbox, new() { Name = "To", Exact = true }).FillAsync(person.Name.Split(' ')[0]);
            var box = dialog.GetByRole(AriaRole.Checkbox, new() { Name = person.Name });
            await Expect(box).ToHaveCountAsync(1);
            await box.CheckAsync();
        }
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Start conversation", Exact = true }).ClickAsync();
        await Expect(page.DialogNamed("New message")).ToHaveCountAsync(0);
        await page.ExpectAtConversationAsync(handles, string.Join(", ", with.OrderBy(p => Handles.FromName(p.Name), StringComparer.Ordinal).Select(p => p.Name)));
    }

    /// <summary>
    /// Someone who only needs to exist (no browser of their own): they accept an invite the owner's page made,
    /// straight through the app's dispatcher, and so sit in #general like anyone who joined.
    /// </summary>
    public static async Task JoinWithoutBrowserAsync(this WorkspaceServer server, string inviteLink, Person person) =>
        await server.Services.GetRequiredService<Sender>().Send(
            new AcceptInvite(inviteLink[(inviteLink.LastIndexOf('/') + 1)..], person.Name, person.Email, person.Password),
            TestContext.Current.CancellationToken);

    /// <summary>The owner invites a person who joins in a browser of their own and ends up in #general, connected.</summary>
    public static async Task InviteAsync(this IPage owner, IPage newcomer, Person person) =>
        await newcomer.JoinByInviteAsync(await owner.CreateInviteLinkAsync(), person);
}
