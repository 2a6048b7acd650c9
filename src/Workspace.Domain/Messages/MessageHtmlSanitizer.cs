using System.Text;
using AngleSharp.Dom;
using Ganss.Xss;

namespace Workspace.Domain.Messages;

/// <summary>
/// The second line of defence behind <see cref="MarkdownRenderer"/>: whatever the Markdown pipeline writes is parsed
/// again as a browser would and cut down to the tags and attributes the renderer is known to produce, so a bug in
/// Markdig or in our own syntax tree rewriting cannot put markup of a user's choosing into every reader's page.
/// </summary>
internal static class MessageHtmlSanitizer
{
    private static readonly Dictionary<string, HashSet<string>> AttributesByTag = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = ["href", "title", "rel", "target"],
        ["span"] = ["class", "data-handle"],
        ["code"] = ["class"],
        ["ol"] = ["start"],
    };

    private static readonly string[] Tags =
    [
        "p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "span",
        "h1", "h2", "h3", "h4", "h5", "h6",
    ];

    // Configured once and never changed afterwards, which is what makes sharing it between threads safe.
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string html) => Sanitizer.Sanitize(html, "", MarkdigStyleFormatter.Instance);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AttributesByTag.Values.SelectMany(a => a), StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>([Uri.UriSchemeHttp, Uri.UriSchemeHttps, Uri.UriSchemeMailto], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });
        sanitizer.FilterUrl += (_, e) =>
        {
            if (!IsAbsoluteAsciiUrl(e.SanitizedUrl))
                e.SanitizedUrl = null;
        };
        sanitizer.PostProcessNode += (_, e) => KeepOnlyOwnAttributes(e.Node);
        return sanitizer;
    }

    // The renderer writes only absolute addresses, with anything outside printable ASCII percent-encoded: a relative
    // link would resolve against our own pages, and a raw bidi override or zero-width character makes an address
    // read as another.
    private static bool IsAbsoluteAsciiUrl(string? url) =>
        url is not null && url.All(c => c is > ' ' and <= '~') && Uri.TryCreate(url, UriKind.Absolute, out _);

    // The sanitizer's allow-list of attributes is one list for every tag; ours is per tag, and a class names only what
    // the renderer writes (a mention, a code block's language), so text can never borrow the page's own styles.
    private static void KeepOnlyOwnAttributes(INode node)
    {
        if (node is not IElement element)
            return;
        AttributesByTag.TryGetValue(element.LocalName, out var allowed);
        foreach (var attribute in element.Attributes.ToList())
        {
            if (allowed is null || !allowed.Contains(attribute.Name) || !IsExpectedValue(element.LocalName, attribute))
                element.RemoveAttribute(attribute.Name);
        }
    }

    private static bool IsExpectedValue(string tag, IAttr attribute) => (tag, attribute.Name) switch
    {
        ("span", "class") => attribute.Value == "mention",
        ("code", "class") => attribute.Value.StartsWith("language-", StringComparison.Ordinal) && !attribute.Value.Contains(' '),
        ("a", "rel") => attribute.Value == "noopener noreferrer nofollow",
        ("a", "target") => attribute.Value == "_blank",
        ("ol", "start") => int.TryParse(attribute.Value, out _),
        _ => true,
    };

    /// <summary>
    /// Writes what it parsed the way Markdig writes it (<c>&lt;br /&gt;</c>, <c>&amp;quot;</c> in text), so a message
    /// that needed no cleaning comes out exactly as the renderer wrote it.
    /// </summary>
    private sealed class MarkdigStyleFormatter : HtmlFormatter
    {
        public static new readonly MarkdigStyleFormatter Instance = new();

        public override string Text(ICharacterData text)
        {
            var escaped = new StringBuilder(text.Data.Length);
            foreach (var c in text.Data)
            {
                switch (c)
                {
                    case '&': escaped.Append("&amp;"); break;
                    case '<': escaped.Append("&lt;"); break;
                    case '>': escaped.Append("&gt;"); break;
                    case '"': escaped.Append("&quot;"); break;
                    default: escaped.Append(c); break;
                }
            }
            return escaped.ToString();
        }

        public override string OpenTag(IElement element, bool selfClosing)
        {
            var tag = base.OpenTag(element, selfClosing);
            return element.LocalName is "br" or "hr" ? tag[..^1] + " />" : tag;
        }
    }
}
