using System.Net;
using Workspace.Domain.Messages;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Messages;

/// <summary>Crafted input at the longest a message may be: it renders, as text, and never takes the server down.</summary>
public sealed class MarkdownBombTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> NestedTooDeep =>
    [
        Fill(">"),
        Fill("> "),
        Fill("["),
        new string('[', Message.MaxLength / 2) + new string(']', Message.MaxLength / 2),
        Fill("!["),
        Fill("[a]("),
        Fill("("),
        Fill("_*"),
        Fill("*_~"),
        Fill("> - "),
        Fill("- > 1. "),
        string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + "- x\n"))[..Message.MaxLength],
    ];

    public static TheoryData<string> MerelyLong =>
    [
        Fill("**a"),
        Fill("*a "),
        Fill("~~a "),
        Fill("`"),
        Fill("<"),
        Fill("&amp;"),
        Fill("> a\n"),
        Fill("| a | b |\n|---|---|\n"),
        Fill("https://example.com/ "),
        Fill("@ann "),
    ];

    [Theory, MemberData(nameof(NestedTooDeep))]
    public void ToHtml_WhenNestingIsDeeperThanAnyConversation_ShowsTheEscapedText(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        Assert.Equal($"<p>{Escaped(markdown)}</p>", html);
    }

    [Theory, MemberData(nameof(MerelyLong))]
    public void ToHtml_WhenTextIsLongAndRepetitive_RendersIt(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        Assert.NotEmpty(html);
        Assert.DoesNotContain("<script", html);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenTextIsNestedThousandsDeep_PostsItAsText(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();
        var bomb = Fill("[> ");

        var posted = await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, bomb, Guid.NewGuid()), Cancel);

        Assert.Equal(Message.MaxLength, posted.Message.Text.Length);
        Assert.Equal($"<p>{Escaped(bomb)}</p>", posted.Message.Html);
    }

    private static string Fill(string pattern) =>
        string.Concat(Enumerable.Repeat(pattern, Message.MaxLength / pattern.Length + 1))[..Message.MaxLength];

    private static string Escaped(string text) =>
        WebUtility.HtmlEncode(text).Replace("&#39;", "'").Replace("\n", "<br />\n");
}
