using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Support;

/// <summary>What a person does in the app, by the names in CONTRACT.md.</summary>
public static class PageActions
{
    public static ILocator Sidebar(this IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Channels", Exact = true });

    public static ILocator ChannelLink(this IPage page, string name) => page.Sidebar().Locator($"a[data-channel=\"{name}\"]");

    public static ILocator MessageLog(this IPage page) => page.GetByRole(AriaRole.Log, new() { Name = "Messages", Exact = true });

    public static ILocator Articles(this IPage page) => page.MessageLog().Locator("article[data-seq]");

    public static ILocator Article(this IPage page, long seq) => page.MessageLog().Locator($"article[data-seq=\"{seq}\"]");

    public static ILocator PendingArticles(this IPage page) => page.MessageLog().Locator("article[data-pending=\"true\"]");

    public static ILocator NewMessagesSeparator(this IPage page) =>
        page.MessageLog().GetByRole(AriaRole.Separator, new() { Name = "New messages", Exact = true });

    /// <summary>The first message after the <c>New messages</c> line: where the reader's unread messages start.</summary>
    public static ILocator FirstArticleAfterSeparator(this IPage page) =>
        page.MessageLog().Locator("[role=\"separator\"][aria-label=\"New messages\"] ~ article[data-seq]").First;

    /// <summary>The rendered body of a message (its text, and <c>(edited)</c> once edited).</summary>
    public static ILocator Body(this ILocator article) => article.Locator(".message-body");

    /// <summary>The reaction under a message, by its accessible name <c>{emoji name}: {count}</c>.</summary>
    public static ILocator Reaction(this ILocator article, string nameAndCount) =>
        article.GetByRole(AriaRole.Button, new() { Name = nameAndCount, Exact = true });

    public static ILocator MessageActions(this ILocator article) =>
        article.GetByRole(AriaRole.Toolbar, new() { Name = "Message actions", Exact = true });

    public static ILocator MessageAction(this ILocator article, string action) =>
        article.MessageActions().GetByRole(AriaRole.Button, new() { Name = action, Exact = true });

    /// <summary>The toolbar shows while the pointer is on the message: a person points at it, then clicks.</summary>
    public static async Task ClickMessageActionAsync(this ILocator article, string action)
    {
        await article.HoverAsync();
        await article.MessageAction(action).ClickAsync();
    }

    /// <summary>
    /// Chooses a file in a Blazor <c>InputFile</c> once its script has attached (blazor.web.js then sets the element's
    /// <c>_blazorInputFileNextFileId</c> to 0): a file set on an input rendered a moment ago, before that, raises a change
    /// nobody hears, and nothing uploads (seen once in CI, on a bot picture).
    /// </summary>
    public static async Task ChooseFileAsync(this ILocator input, FilePayload file)
    {
        await Expect(input).ToHaveJSPropertyAsync("_blazorInputFileNextFileId", 0);
        await input.SetInputFilesAsync(file);
    }

    /// <summary>
    /// Opens the inline editor on one's own message. It takes keys once its script has attached (data-ready) and focused it
    /// (putting the caret at the end): text typed before that can land after the old text instead of replacing it.
    /// </summary>
    public static async Task<ILocator> OpenEditorAsync(this ILocator article)
    {
        await article.ClickMessageActionAsync("Edit");
        var editor = article.GetByRole(AriaRole.Textbox, new() { Name = "Edit message", Exact = true });
        await Expect(editor).ToHaveAttributeAsync("data-ready", "true");
        return editor;
    }

    /// <summary>Each message on the page as <c>"{seq}: {body text}"</c>, in page order, whitespace collapsed.</summary>
    public static Task<string[]> MessageSnapshotAsync(this IPage page) =>
        page.Articles().EvaluateAllAsync<string[]>(
            "els => els.map(e => e.dataset.seq + ': ' + (e.querySelector('.message-body')?.textContent ?? '').replace(/\\s+/g, ' ').trim())");

    public static ILocator MessageBox(this IPage page, string channel) =>
        page.GetByRole(AriaRole.Textbox, new() { Name = $"Message #{channel}", Exact = true });

    public static ILocator Alert(this IPage page) => page.GetByRole(AriaRole.Alert);

    public static ILocator Button(this IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public static ILocator DialogNamed(this IPage page, string name) => page.GetByRole(AriaRole.Dialog, new() { Name = name, Exact = true });

    /// <summary>Waits until the page's live connection is up; typing before that would be lost.</summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        Expect(page.Locator("html[data-circuit=\"connected\"]")).ToBeAttachedAsync();

    /// <summary>
    /// Waits until a page that lost its server is connected to the server started in its place. More patience than a
    /// live page needs: after its first ten tries the page asks only every 5 s (start.js), a server started cold serves
    /// its first pages slowly, and the page may reload before it connects; on a loaded machine that took over 10 s.
    /// </summary>
    public static Task WaitForCircuitAfterRestartAsync(this IPage page) =>
        Expect(page.Locator("html[data-circuit=\"connected\"]")).ToBeAttachedAsync(new() { Timeout = 30_000 });

    public static async Task ExpectAtChannelAsync(this IPage page, string channel)
    {
        await Expect(page).ToHaveURLAsync(new Regex($"/c/{Regex.Escape(channel)}$"));
        await page.WaitForCircuitAsync();
        await Expect(page.MessageBox(channel)).ToBeVisibleAsync();
        // The box's script marks it ready once attached; Enter pressed before that would break the line, not send.
        await Expect(page.MessageBox(channel)).ToHaveAttributeAsync("data-ready", "true");
    }

    public static async Task SetUpWorkspaceAsync(this IPage page, Person owner)
    {
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/setup$"));
        await page.GetByLabel("Workspace name", new() { Exact = true }).FillAsync(People.WorkspaceName);
        await page.GetByLabel("Your name", new() { Exact = true }).FillAsync(owner.Name);
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(owner.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(owner.Password);
        await page.Button("Create workspace").ClickAsync();
        await page.ExpectAtChannelAsync("general");
    }

    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.Button("Sign in").ClickAsync();
    }

    /// <summary>Opens Invite people and reads the link out of it.</summary>
    public static async Task<string> CreateInviteLinkAsync(this IPage page)
    {
        await page.Button("Invite people").ClickAsync();
        var field = page.DialogNamed("Invite people").GetByLabel("Invite link", new() { Exact = true });
        await Expect(field).ToHaveValueAsync(new Regex("/invite/[^/]+$"));
        var link = await field.InputValueAsync();
        await page.DialogNamed("Invite people").GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
        await Expect(page.DialogNamed("Invite people")).ToHaveCountAsync(0);
        return link;
    }

    public static async Task JoinByInviteAsync(this IPage page, string link, Person person)
    {
        await page.GotoAsync(link);
        await page.GetByLabel("Your name", new() { Exact = true }).FillAsync(person.Name);
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(person.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(person.Password);
        await page.Button("Join workspace").ClickAsync();
        await page.ExpectAtChannelAsync("general");
    }

    /// <summary>
    /// Sends a message and waits until the server has confirmed it (no pending copy left). <paramref name="shownAs"/>
    /// is the text the rendered message contains, when Markdown changes it.
    /// </summary>
    public static async Task<ILocator> PostAsync(this IPage page, string channel, string text, string? shownAs = null)
    {
        var box = page.MessageBox(channel);
        await box.FillAsync(text);
        await box.PressAsync("Enter");
        await Expect(box).ToHaveValueAsync("");
        var sent = page.Articles().Filter(new() { HasText = shownAs ?? text });
        await Expect(sent).ToHaveCountAsync(1);
        await Expect(page.PendingArticles()).ToHaveCountAsync(0);
        return sent;
    }

    /// <summary>Fills in the Create channel dialog and presses Create; the caller checks what happened.</summary>
    public static async Task SubmitCreateChannelAsync(this IPage page, string name, bool isPrivate = false)
    {
        await page.Sidebar().GetByRole(AriaRole.Button, new() { Name = "Create channel", Exact = true }).ClickAsync();
        var dialog = page.DialogNamed("Create channel");
        await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        if (isPrivate)
            await dialog.GetByLabel("Private", new() { Exact = true }).CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
    }

    public static async Task CreateChannelAsync(this IPage page, string name, bool isPrivate = false)
    {
        await page.SubmitCreateChannelAsync(name, isPrivate);
        await Expect(page.DialogNamed("Create channel")).ToHaveCountAsync(0);
        await page.ExpectAtChannelAsync(name);
        await Expect(page.ChannelLink(name)).ToBeVisibleAsync();
    }
}
