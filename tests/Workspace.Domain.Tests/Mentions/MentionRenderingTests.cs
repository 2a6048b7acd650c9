using Workspace.Domain.Messages;

namespace Workspace.Domain.Tests.Mentions;

/// <summary>How MarkdownRenderer finds and draws mentions; no database, only the text and the tokens that resolved.</summary>
public sealed class MentionRenderingTests
{
    private const string LinkAttributes = "rel=\"noopener noreferrer nofollow\" target=\"_blank\"";
    private static readonly HashSet<string> AnnAndBen = ["ann", "ben.lee"];

    private static string Mention(string handle) => $"<span class=\"mention\" data-handle=\"{handle}\">@{handle}</span>";

    [Theory]
    [InlineData("hi @ann", "<p>hi {ann}</p>")]
    [InlineData("@ann", "<p>{ann}</p>")]
    [InlineData("thanks @ann.", "<p>thanks {ann}.</p>")]
    [InlineData("(@ann)", "<p>({ann})</p>")]
    [InlineData("@ann, @ben.lee!", "<p>{ann}, {ben.lee}!</p>")]
    [InlineData("ask @ben.lee.", "<p>ask {ben.lee}.</p>")]
    [InlineData("@ann's idea", "<p>{ann}'s idea</p>")]
    [InlineData("@ann: look", "<p>{ann}: look</p>")]
    [InlineData("**@ann**", "<p><strong>{ann}</strong></p>")]
    [InlineData("- @ann\n- @ben.lee", "<ul>\n<li>{ann}</li>\n<li>{ben.lee}</li>\n</ul>")]
    [InlineData("line one\n@ann line two", "<p>line one<br />\n{ann} line two</p>")]
    public void ToHtml_WhenTokenResolved_RendersAMentionSpan(string markdown, string template) =>
        Assert.Equal(Fill(template), MarkdownRenderer.ToHtml(markdown, AnnAndBen));

    [Fact]
    public void ToHtml_WhenHandleIsWrittenInCapitals_RendersTheLowercaseHandle() =>
        Assert.Equal($"<p>hi {Mention("ann")}</p>", MarkdownRenderer.ToHtml("hi @Ann", AnnAndBen));

    [Theory]
    [InlineData("`@ann`", "<p><code>@ann</code></p>")]
    [InlineData("run `ping @ann` now", "<p>run <code>ping @ann</code> now</p>")]
    [InlineData("```\n@ann\n```", "<pre><code>@ann\n</code></pre>")]
    [InlineData("    @ann indented", "<pre><code>@ann indented\n</code></pre>")]
    [InlineData("[@ann](https://example.com)", "<p><a href=\"https://example.com\" " + LinkAttributes + ">@ann</a></p>")]
    [InlineData("https://example.com/@ann", "<p><a href=\"https://example.com/@ann\" " + LinkAttributes + ">https://example.com/@ann</a></p>")]
    [InlineData("<https://example.com/@ann>", "<p><a href=\"https://example.com/@ann\" " + LinkAttributes + ">https://example.com/@ann</a></p>")]
    [InlineData("[@ann](javascript:alert(1))", "<p>@ann</p>")]
    [InlineData("mail ann@example.com", "<p>mail ann@example.com</p>")]
    [InlineData("mail ben.lee@ann.com", "<p>mail ben.lee@ann.com</p>")]
    [InlineData("<ann@example.com>", "<p><a href=\"mailto:ann@example.com\" " + LinkAttributes + ">ann@example.com</a></p>")]
    [InlineData("see docs/@ann", "<p>see docs/@ann</p>")]
    [InlineData("@@ann", "<p>@@ann</p>")]
    [InlineData("@carl is away", "<p>@carl is away</p>")]
    [InlineData("@annie is away", "<p>@annie is away</p>")]
    public void ToHtml_WhenTokenIsInCodeLinkAddressOrUnresolved_LeavesItText(string markdown, string html) =>
        Assert.Equal(html, MarkdownRenderer.ToHtml(markdown, AnnAndBen));

    [Fact]
    public void ToHtml_WithoutResolvedTokens_RendersEveryAtAsText() =>
        Assert.Equal("<p>hi @ann</p>", MarkdownRenderer.ToHtml("hi @ann"));

    // Handles keep '_' from names ("under_score"), which Markdown also reads as a possible emphasis delimiter.
    [Theory]
    [InlineData("hi @under_score", "under_score")]
    [InlineData("hi @a_b-c.", "a_b-c")]
    [InlineData("@snake_case_name here", "snake_case_name")]
    public void ToHtml_WhenHandleHasUnderscores_RendersTheWholeHandle(string markdown, string handle)
    {
        var html = MarkdownRenderer.ToHtml(markdown, new HashSet<string> { handle });

        Assert.Contains(Mention(handle), html, StringComparison.Ordinal);
        Assert.Equal([handle], MarkdownRenderer.MentionCandidates(markdown));
    }

    [Theory]
    [InlineData("hi @Ann and @ben.lee.", new[] { "ann", "ben.lee" })]
    [InlineData("(@ann) @ann @ANN", new[] { "ann" })]
    [InlineData("@channel and @here", new[] { "channel", "here" })]
    [InlineData("`@ann` [@ben](https://example.com) ```x``` ann@example.com docs/@carl @@dan", new string[0])]
    [InlineData("```\n@ann\n```\n\n> quoting @ben", new[] { "ben" })]
    [InlineData("no one at all", new string[0])]
    public void MentionCandidates_WhenTextHasTokens_FindsThoseOutsideCodeLinksAndAddresses(string markdown, string[] expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), MarkdownRenderer.MentionCandidates(markdown).Order(StringComparer.Ordinal));

    [Fact]
    public void Parse_ParsedOnceForCandidatesThenHtml_AnswersAsTheTextDoesAndRendersOnce()
    {
        const string markdown = "hi @ann and @ben.lee: see **this** at https://example.com";
        var parsed = MarkdownRenderer.Parse(markdown);

        Assert.Equal(MarkdownRenderer.MentionCandidates(markdown).Order(StringComparer.Ordinal), parsed.MentionCandidates.Order(StringComparer.Ordinal));
        Assert.Equal(MarkdownRenderer.ToHtml(markdown, new HashSet<string> { "ann" }), parsed.ToHtml(new HashSet<string> { "ann" }));
        Assert.Throws<InvalidOperationException>(() => parsed.ToHtml(new HashSet<string>()));
        var renderedFirst = MarkdownRenderer.Parse(markdown);
        renderedFirst.ToHtml(new HashSet<string>());
        Assert.Throws<InvalidOperationException>(() => renderedFirst.MentionCandidates);
    }

    private static string Fill(string template) =>
        template.Replace("{ann}", Mention("ann"), StringComparison.Ordinal)
            .Replace("{ben.lee}", Mention("ben.lee"), StringComparison.Ordinal);
}
