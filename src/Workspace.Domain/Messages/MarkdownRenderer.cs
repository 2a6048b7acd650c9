using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Workspace.Domain.Messages;

/// <summary>
/// Turns a message's Markdown into HTML that is safe to show as it is. Raw HTML is escaped, and every link
/// whose target is not an absolute http, https or mailto address becomes plain text: DisableHtml alone
/// would still let <c>[x](javascript:...)</c> through.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly HashSet<string> AllowedSchemes = new(StringComparer.OrdinalIgnoreCase)
    {
        Uri.UriSchemeHttp, Uri.UriSchemeHttps, Uri.UriSchemeMailto,
    };

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
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
        return document.ToHtml(Pipeline).TrimEnd('\n');
    }

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
