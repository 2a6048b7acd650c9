using System.Net;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Workspace.Domain.Mentions;

namespace Workspace.Domain.Messages;

/// <summary>
/// Turns a message's Markdown into HTML that is safe to show as it is. Raw HTML is escaped, and every link
/// whose target is not an absolute http, https or mailto address becomes plain text: DisableHtml alone
/// would still let <c>[x](javascript:...)</c> through. What it writes then passes <see cref="MessageHtmlSanitizer"/>.
/// Text nested deeper than any message a person writes is shown as plain text, so a crafted message costs the
/// server a bounded amount of work and never a stack overflow.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly HashSet<string> AllowedSchemes = new(StringComparer.OrdinalIgnoreCase)
    {
        Uri.UriSchemeHttp, Uri.UriSchemeHttps, Uri.UriSchemeMailto,
    };

    /// <summary>Deeper than quotes in quotes, lists in lists or links in emphasis ever go in conversation.</summary>
    internal const int MaxNesting = 32;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder { MaximumNestingDepth = MaxNesting }
        .DisableHtml()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    public static string ToHtml(string markdown) => ToHtml(markdown, new HashSet<string>());

    /// <summary>
    /// Renders, turning each <c>@token</c> in the text whose token is in <paramref name="mentions"/> into a mention.
    /// Tokens inside code or links stay text.
    /// </summary>
    public static string ToHtml(string markdown, IReadOnlySet<string> mentions) => Parse(markdown).ToHtml(mentions);

    /// <summary>The lowercase tokens after an @ in the message's text (not in code or links): who it may mention.</summary>
    public static IReadOnlySet<string> MentionCandidates(string markdown) => Parse(markdown).MentionCandidates;

    /// <summary>
    /// Parses once for the two things a post or an edit needs: who it may mention, then (once the database has said
    /// which of them are members) its HTML.
    /// </summary>
    public static ParsedMarkdown Parse(string markdown) => new(markdown, ParseDocument(markdown));

    /// <summary>Rendering rewrites the parsed document: ask for the mention candidates first, and render once.</summary>
    public sealed class ParsedMarkdown
    {
        private readonly string markdown;
        private readonly MarkdownDocument? document;
        private IReadOnlySet<string>? candidates;
        private bool rendered;

        internal ParsedMarkdown(string markdown, MarkdownDocument? document)
        {
            this.markdown = markdown;
            this.document = document;
        }

        /// <inheritdoc cref="MarkdownRenderer.MentionCandidates(string)"/>
        public IReadOnlySet<string> MentionCandidates => candidates ??= rendered
            ? throw new InvalidOperationException("Rendering rewrote the parse: ask for the candidates before it.")
            : document is null ? new HashSet<string>() : MentionSyntax.Candidates(document);

        /// <inheritdoc cref="MarkdownRenderer.ToHtml(string, IReadOnlySet{string})"/>
        public string ToHtml(IReadOnlySet<string> mentions)
        {
            if (rendered)
                throw new InvalidOperationException("A parsed message renders once: rendering rewrites it.");
            rendered = true;
            return Render(markdown, document, mentions);
        }
    }

    private static string Render(string markdown, MarkdownDocument? parsed, IReadOnlySet<string> mentions)
    {
        if (parsed is not { } document)
            return MessageHtmlSanitizer.Sanitize(AsPlainText(markdown));
        if (mentions.Count > 0)
            MentionSyntax.Mark(document, mentions);
        foreach (var link in document.Descendants<LinkInline>().ToList())
            MakeSafe(link);
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            // An email autolink keeps the bare address in Url; its href is the mailto: address.
            if (IsAllowed(autolink.IsEmail ? $"{Uri.UriSchemeMailto}:{autolink.Url}" : autolink.Url))
                AddLinkAttributes(autolink.GetAttributes());
            else
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Add(new MentionSyntax.Renderer());
        renderer.Render(document);
        writer.Flush();
        return MessageHtmlSanitizer.Sanitize(writer.ToString().TrimEnd('\n'));
    }

    private static MarkdownDocument? ParseDocument(string markdown)
    {
        if (NestsTooDeep(markdown))
            return null;
        try
        {
            return Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's own limit (MaximumNestingDepth) for what the scan below does not foresee, such as emphasis
            // delimiters nested thousands deep.
            return null;
        }
    }

    /// <summary>
    /// Open brackets, parentheses and quote markers are what Markdig nests and backtracks over the most (unclosed
    /// brackets cost it quadratic time well before its own depth limit applies); one linear scan finds them first.
    /// </summary>
    private static bool NestsTooDeep(string markdown)
    {
        int brackets = 0, parentheses = 0, quotes = 0;
        var inLinePrefix = true;
        foreach (var c in markdown)
        {
            switch (c)
            {
                case '\n':
                    quotes = 0;
                    inLinePrefix = true;
                    continue;
                case '[': brackets++; break;
                case ']': brackets = Math.Max(0, brackets - 1); break;
                case '(': parentheses++; break;
                case ')': parentheses = Math.Max(0, parentheses - 1); break;
                case '>' when inLinePrefix: quotes++; break;
            }
            inLinePrefix &= c is '>' or ' ' or '\t';
            if (brackets > MaxNesting || parentheses > MaxNesting || quotes > MaxNesting)
                return true;
        }
        return false;
    }

    private static string AsPlainText(string markdown) =>
        $"<p>{WebUtility.HtmlEncode(markdown).Replace("\n", "<br />\n")}</p>";

    private static void MakeSafe(LinkInline link)
    {
        if (!link.IsImage && IsAllowed(link.Url))
        {
            AddLinkAttributes(link.GetAttributes());
            return;
        }
        // Images would load third-party content into every reader's page; show them as links when safe.
        if (link.IsImage && IsAllowed(link.Url))
        {
            link.IsImage = false;
            AddLinkAttributes(link.GetAttributes());
            if (link.FirstChild is null)
                link.AppendChild(new LiteralInline(link.Url ?? ""));
            return;
        }
        var text = new ContainerInline();
        while (link.FirstChild is { } child)
        {
            child.Remove();
            text.AppendChild(child);
        }
        link.ReplaceBy(text);
    }

    private static void AddLinkAttributes(HtmlAttributes attributes)
    {
        attributes.AddPropertyIfNotExist("rel", "noopener noreferrer nofollow");
        attributes.AddPropertyIfNotExist("target", "_blank");
    }

    private static bool IsAllowed(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && AllowedSchemes.Contains(uri.Scheme);
}
