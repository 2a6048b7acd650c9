using System.Text;
using Workspace.Domain.Messages;

namespace Workspace.Domain.Tests.Messages;

/// <summary>
/// The sanitizer lets HTML that is already exactly the renderer's own markup through without parsing it. What it lets
/// through must be what the parse would have written, character for character; everything else must go to the parse.
/// </summary>
public sealed class OwnMarkupTests
{
    [Theory]
    [InlineData("Hello, team! Shipping the release today.")]
    [InlineData("**bold** and *it* ~~no~~ `a<b` \"quoted\" & more")]
    [InlineData("# Heading\n\n## Sub\n\n---\n\n3. three\n4. four\n\n- a\n  - b\n\n> quote\n> > inner")]
    [InlineData("- one\n\n- two, loose\n\n  > quoted in a list")]
    [InlineData("```csharp\nif (a < b && c > \"d\") {}\n```")]
    [InlineData("[site](https://example.com/a?b=1&c=2 \"Title & \\\"more\\\"\") <ann@example.com> https://example.com/path")]
    [InlineData("line one\nline two\tand a tab")]
    [InlineData("**Release** notes for _v2_ ~~beta~~:\n- `api` deployed\n- see https://example.com/notes?a=1&b=2\n\n> ship it\n\n```\nif (a < b && c > d) {}\n```")]
    public void IsOwnMarkup_WhenHtmlIsWhatTheRendererWritesForAMessage_IsTrue(string markdown)
    {
        var rendered = MarkdownRenderer.ToHtml(markdown);

        Assert.True(MessageHtmlSanitizer.IsOwnMarkup(rendered), rendered);
    }

    [Fact]
    public void IsOwnMarkup_WhenAMentionIsRendered_IsTrue()
    {
        var rendered = MarkdownRenderer.ToHtml("ping @ann about it", new HashSet<string> { "ann" });

        Assert.Contains("<span class=\"mention\"", rendered);
        Assert.True(MessageHtmlSanitizer.IsOwnMarkup(rendered), rendered);
    }

    [Theory]
    [MemberData(nameof(XssCorpusTests.HostileHtml), MemberType = typeof(XssCorpusTests))]
    [InlineData("<p>a</p><p>b")]
    [InlineData("<p>a<ul><li>b</li></ul></p>")]
    [InlineData("<a href=\"https://a.example\"><a href=\"https://b.example\">x</a></a>")]
    [InlineData("<pre>\nx</pre>")]
    [InlineData("<P>shouting</P>")]
    [InlineData("<p>a &nbsp; b</p>")]
    [InlineData("<p>a\r\nb</p>")]
    [InlineData("<br>")]
    [InlineData("<a href=\"/settings\">x</a>")]
    [InlineData("<a title=\"a &lt; b\">x</a>")]
    [InlineData("<ol start=\"three\"><li>x</li></ol>")]
    [InlineData("<span class=\"mention\" class=\"mention\">x</span>")]
    [InlineData("<p>a > b</p>")]
    public void IsOwnMarkup_WhenHtmlIsAnythingElse_IsFalse(string html) =>
        Assert.False(MessageHtmlSanitizer.IsOwnMarkup(html));

    /// <summary>
    /// Random trees of the tags, attributes, entities and characters that matter here, well-formed or not: each one the
    /// check accepts, the parse leaves exactly as it was (so the check accepts nothing the parse would clean or reshape).
    /// </summary>
    [Fact]
    public void IsOwnMarkup_WhenItAcceptsHtml_TheParseLeavesItUnchanged()
    {
        var random = new Random(7);
        var accepted = 0;
        for (var sample = 0; sample < 20_000; sample++)
        {
            var html = new StringBuilder();
            Write(html, random, depth: 0);
            var text = html.ToString();
            if (!MessageHtmlSanitizer.IsOwnMarkup(text))
                continue;
            accepted++;
            Assert.Equal(MessageHtmlSanitizer.SanitizeByParsing(text), text);
        }
        // The property means little unless many shapes were accepted, nested ones among them.
        Assert.InRange(accepted, 2_000, 20_000);
    }

    private static readonly (string Open, string Close)[] Elements =
    [
        ("<p>", "</p>"), ("<pre>", "</pre>"), ("<code>", "</code>"), ("<code class=\"language-cs\">", "</code>"),
        ("<code class=\"language-a b\">", "</code>"), ("<blockquote>", "</blockquote>"), ("<ul>", "</ul>"),
        ("<ol>", "</ol>"), ("<ol start=\"3\">", "</ol>"), ("<ol start=\"x\">", "</ol>"), ("<li>", "</li>"),
        ("<strong>", "</strong>"), ("<em>", "</em>"), ("<del>", "</del>"), ("<h1>", "</h1>"), ("<h3>", "</h3>"),
        ("<span class=\"mention\" data-handle=\"ann\">", "</span>"), ("<span class=\"lead\">", "</span>"),
        ("<a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">", "</a>"),
        ("<a href=\"mailto:ann@example.com\">", "</a>"), ("<a href=\"javascript:alert(1)\">", "</a>"),
        ("<a href=\"/relative\">", "</a>"), ("<a href=\"https://example.com/\u202Ex\">", "</a>"),
        ("<a title=\"x &lt; y\">", "</a>"), ("<a title=\"a&quot;b &amp; c\">", "</a>"), ("<a title=\"a\u00A0b\">", "</a>"),
        ("<a href=\"https://example.com\" onclick=\"y\">", "</a>"), ("<a target=\"_top\">", "</a>"),
        ("<script>", "</script>"), ("<P>", "</P>"), ("<div>", "</div>"), ("<table>", "</table>"),
    ];

    private static readonly string[] Leaves =
    [
        "hello", " ", "\n", "\t", "&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&#60;", "&", "<", ">", "\"", "'",
        "\r", "\u00A0", "\u0001", "\0", "x=y", "é", "\u202E", "<br />", "<br>", "<hr />", "<hr>", "<p />", "<img src=x>",
    ];

    private static void Write(StringBuilder html, Random random, int depth)
    {
        var children = random.Next(depth == 0 ? 1 : 0, 4);
        for (var child = 0; child < children; child++)
        {
            if (depth >= 4 || random.Next(3) == 0)
            {
                html.Append(Leaves[random.Next(Leaves.Length)]);
                continue;
            }
            var (open, close) = Elements[random.Next(Elements.Length)];
            html.Append(open);
            if (open == "<pre>" && random.Next(4) == 0)
                html.Append('\n');
            Write(html, random, depth + 1);
            // Now and then an element left open or closed as another.
            html.Append(random.Next(12) switch
            {
                0 => "",
                1 => Elements[random.Next(Elements.Length)].Close,
                _ => close,
            });
        }
    }
}
