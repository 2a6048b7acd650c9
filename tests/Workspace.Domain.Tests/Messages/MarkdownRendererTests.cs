using System.Text.RegularExpressions;
using Workspace.Domain.Messages;

namespace Workspace.Domain.Tests.Messages;

public sealed class MarkdownRendererTests
{
    private const string LinkAttributes = "rel=\"noopener noreferrer nofollow\" target=\"_blank\"";

    [Theory]
    [InlineData("**bold**", "<p><strong>bold</strong></p>")]
    [InlineData("*italic* and _italic_", "<p><em>italic</em> and <em>italic</em></p>")]
    [InlineData("~~struck~~", "<p><del>struck</del></p>")]
    [InlineData("use `a < b`", "<p>use <code>a &lt; b</code></p>")]
    [InlineData("```\nif (a < b) {}\n```", "<pre><code>if (a &lt; b) {}\n</code></pre>")]
    [InlineData("```csharp\nvar x = 1;\n```", "<pre><code class=\"language-csharp\">var x = 1;\n</code></pre>")]
    [InlineData("> quoted", "<blockquote>\n<p>quoted</p>\n</blockquote>")]
    [InlineData("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>")]
    [InlineData("1. one\n2. two", "<ol>\n<li>one</li>\n<li>two</li>\n</ol>")]
    [InlineData("first line\nsecond line", "<p>first line<br />\nsecond line</p>")]
    public void ToHtml_WhenTextIsFormatted_RendersTheFormatting(string markdown, string html) =>
        Assert.Equal(html, MarkdownRenderer.ToHtml(markdown));

    [Theory]
    [InlineData("[site](https://example.com/a?b=1&c=2)", "<p><a href=\"https://example.com/a?b=1&amp;c=2\" " + LinkAttributes + ">site</a></p>")]
    [InlineData("[plain](http://example.com)", "<p><a href=\"http://example.com\" " + LinkAttributes + ">plain</a></p>")]
    [InlineData("see https://example.com now", "<p>see <a href=\"https://example.com\" " + LinkAttributes + ">https://example.com</a> now</p>")]
    [InlineData("<https://example.com>", "<p><a href=\"https://example.com\" " + LinkAttributes + ">https://example.com</a></p>")]
    [InlineData("[mail me](mailto:ann@example.com)", "<p><a href=\"mailto:ann@example.com\" " + LinkAttributes + ">mail me</a></p>")]
    [InlineData("<ann@example.com>", "<p><a href=\"mailto:ann@example.com\" " + LinkAttributes + ">ann@example.com</a></p>")]
    public void ToHtml_WhenLinkSchemeIsAllowed_KeepsTheLinkWithSafeAttributes(string markdown, string html) =>
        Assert.Equal(html, MarkdownRenderer.ToHtml(markdown));

    [Theory]
    [InlineData("[x](javascript:alert(1))", "<p>x</p>")]
    [InlineData("[y](JaVaScRiPt:alert(1))", "<p>y</p>")]
    [InlineData("[z](javascript&#58;alert(1))", "<p>z</p>")]
    [InlineData("[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "<p>d</p>")]
    [InlineData("[v](vbscript:msgbox(1))", "<p>v</p>")]
    [InlineData("[f](file:///etc/passwd)", "<p>f</p>")]
    [InlineData("[r](/relative/path)", "<p>r</p>")]
    [InlineData("[ref][1]\n\n[1]: javascript:alert(1)", "<p>ref</p>")]
    [InlineData("<javascript:alert(1)>", "<p>javascript:alert(1)</p>")]
    [InlineData("[**bold** text](javascript:alert(1))", "<p><strong>bold</strong> text</p>")]
    public void ToHtml_WhenLinkSchemeIsNotAllowed_KeepsOnlyTheLinkText(string markdown, string html) =>
        Assert.Equal(html, MarkdownRenderer.ToHtml(markdown));

    [Theory]
    [InlineData("![img](http://x/y.png)", "<p><a href=\"http://x/y.png\" " + LinkAttributes + ">img</a></p>")]
    [InlineData("![](https://x/y.png)", "<p><a href=\"https://x/y.png\" " + LinkAttributes + ">https://x/y.png</a></p>")]
    [InlineData("![img](data:image/png;base64,AAAA)", "<p>img</p>")]
    [InlineData("![img](javascript:alert(1))", "<p>img</p>")]
    public void ToHtml_WhenMessageHasAnImage_ShowsALinkOrTextNeverAnImage(string markdown, string html) =>
        Assert.Equal(html, MarkdownRenderer.ToHtml(markdown));

    [Theory]
    [InlineData("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")]
    [InlineData("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>")]
    [InlineData("<div onclick=\"alert(1)\">hi</div>", "<p>&lt;div onclick=&quot;alert(1)&quot;&gt;hi&lt;/div&gt;</p>")]
    [InlineData("a <b>bold</b> claim", "<p>a &lt;b&gt;bold&lt;/b&gt; claim</p>")]
    public void ToHtml_WhenTextContainsHtml_EscapesIt(string markdown, string html) =>
        Assert.Equal(html, MarkdownRenderer.ToHtml(markdown));

    [Theory]
    [InlineData("[t](https://example.com \"a\\\" onmouseover=\\\"alert(1)\")")]
    [InlineData("[a](https://example.com){onclick=alert(1)}")]
    [InlineData("https://example.com/\"onmouseover=\"alert(1)")]
    public void ToHtml_WhenInputTriesToSmuggleAttributes_NoneGetThrough(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        // Text is escaped, so every '<' left opens a tag the renderer wrote; with the (escaped) attribute values
        // blanked out, what remains in a tag are attribute names.
        var tags = Regex.Replace(html, "\"[^\"]*\"", "\"\"");
        Assert.DoesNotMatch(@"<[^>]*\son[a-z]+\s*=", tags);
    }
}
