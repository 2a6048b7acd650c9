using System.Text;
using AngleSharp.Dom;
using Ganss.Xss;

namespace Workspace.Domain.Messages;

/// <summary>
/// The second line of defence behind <see cref="MarkdownRenderer"/>: whatever the Markdown pipeline writes is parsed
/// again as a browser would and cut down to the tags and attributes the renderer is known to produce, so a bug in
/// Markdig or in our own syntax tree rewriting cannot put markup of a user's choosing into every reader's page.
/// HTML that is already exactly the renderer's own markup is recognised without that parse (<see cref="IsOwnMarkup"/>):
/// the parse was most of a post's Markdown cost.
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

    private static readonly HashSet<string> Schemes = new([Uri.UriSchemeHttp, Uri.UriSchemeHttps, Uri.UriSchemeMailto],
        StringComparer.OrdinalIgnoreCase);

    // Configured once and never changed afterwards, which is what makes sharing it between threads safe.
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string html) => IsOwnMarkup(html) ? html : SanitizeByParsing(html);

    internal static string SanitizeByParsing(string html) => Sanitizer.Sanitize(html, "", MarkdigStyleFormatter.Instance);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AttributesByTag.Values.SelectMany(a => a), StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = Schemes,
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
            if (allowed is null || !allowed.Contains(attribute.Name) || !IsExpectedValue(element.LocalName, attribute.Name, attribute.Value))
                element.RemoveAttribute(attribute.Name);
        }
    }

    private static bool IsExpectedValue(string tag, string attribute, string value) => (tag, attribute) switch
    {
        ("span", "class") => value == "mention",
        ("code", "class") => value.StartsWith("language-", StringComparison.Ordinal) && !value.Contains(' '),
        ("a", "rel") => value == "noopener noreferrer nofollow",
        ("a", "target") => value == "_blank",
        ("ol", "start") => int.TryParse(value, out _),
        _ => true,
    };

    /// <summary>
    /// Whether the HTML is, character for character, what the sanitizer would write for it: allowed tags in lowercase,
    /// balanced, each with only its own attributes, double-quoted, with the values the renderer writes and links to
    /// web and mail addresses only; text and values escaped the way Markdig and the formatter below escape them. A
    /// strict reading of the renderer's shapes, not of HTML: anything else, however harmless (a <c>&amp;nbsp;</c>, a
    /// carriage return, <c>&lt;br&gt;</c> without its slash), is left to the parse.
    /// </summary>
    internal static bool IsOwnMarkup(string html)
    {
        var open = new Stack<string>();
        var at = 0;
        while (at < html.Length)
        {
            var c = html[at];
            if (c == '<')
            {
                if (!ReadTag(html, ref at, open))
                    return false;
            }
            else if (c == '&')
            {
                if (!ReadEntity(html, ref at, out _, "&amp;", "&lt;", "&gt;", "&quot;"))
                    return false;
            }
            else if (c is '>' or '"' || (c < ' ' && c is not '\n' and not '\t'))
                return false;
            else
                at++;
        }
        return open.Count == 0;
    }

    private static bool ReadTag(string html, ref int at, Stack<string> open)
    {
        var closing = at + 1 < html.Length && html[at + 1] == '/';
        var start = at + (closing ? 2 : 1);
        var end = start;
        while (end < html.Length && (char.IsAsciiLetterLower(html[end]) || char.IsAsciiDigit(html[end])))
            end++;
        if (KnownTag(html.AsSpan(start, end - start)) is not { } tag)
            return false;
        at = end;
        if (closing)
            return Next(html, ref at, ">") && open.TryPop(out var innermost) && innermost == tag;

        if (!MayOpen(tag, open))
            return false;
        var isVoid = tag is "br" or "hr";
        AttributesByTag.TryGetValue(tag, out var allowed);
        var seen = new List<string>(2);
        while (Next(html, ref at, " "))
        {
            if (isVoid)
                return Next(html, ref at, "/>");
            if (!ReadAttribute(html, ref at, tag, allowed, seen))
                return false;
        }
        // A browser drops a newline just inside <pre>, and the sanitizer's output would lose it.
        if (isVoid || !Next(html, ref at, ">") || (tag == "pre" && at < html.Length && html[at] == '\n'))
            return false;
        open.Push(tag);
        return true;
    }

    private static string? KnownTag(ReadOnlySpan<char> name)
    {
        foreach (var tag in Tags)
            if (name.SequenceEqual(tag))
                return tag;
        return null;
    }

    /// <summary>
    /// Where the renderer opens each tag. A browser's parser moves or closes what is opened elsewhere (a list inside a
    /// paragraph ends the paragraph, a link inside a link ends the first), so the sanitizer's output would differ.
    /// </summary>
    private static bool MayOpen(string tag, Stack<string> open)
    {
        var parent = open.TryPeek(out var innermost) ? innermost : null;
        return tag switch
        {
            "li" => parent is "ul" or "ol",
            "p" or "pre" or "blockquote" or "ul" or "ol" or "hr" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" =>
                parent is null or "blockquote" or "li",
            "a" => !open.Contains("a"),
            _ => true,
        };
    }

    private static bool ReadAttribute(string html, ref int at, string tag, HashSet<string>? allowed, List<string> seen)
    {
        var start = at;
        while (at < html.Length && (char.IsAsciiLetterLower(html[at]) || html[at] == '-'))
            at++;
        var name = html[start..at];
        if (allowed is null || !allowed.Contains(name) || seen.Contains(name) || !Next(html, ref at, "=\""))
            return false;
        seen.Add(name);
        var value = new StringBuilder();
        while (at < html.Length && html[at] != '"')
        {
            var c = html[at];
            // The formatter writes a value's & and " as entities and its < > as they are, and a no-break space as &nbsp;.
            if (c == '&')
            {
                if (!ReadEntity(html, ref at, out var decoded, "&amp;", "&quot;"))
                    return false;
                value.Append(decoded);
                continue;
            }
            if (c is '<' or '>' or '\u00A0' || c < ' ')
                return false;
            value.Append(c);
            at++;
        }
        if (!Next(html, ref at, "\""))
            return false;
        var text = value.ToString();
        return IsExpectedValue(tag, name, text)
               && (name != "href" || (IsAbsoluteAsciiUrl(text) && Schemes.Contains(new Uri(text).Scheme)));
    }

    private static bool ReadEntity(string html, ref int at, out char decoded, params ReadOnlySpan<string> known)
    {
        foreach (var entity in known)
        {
            if (string.CompareOrdinal(html, at, entity, 0, entity.Length) != 0)
                continue;
            at += entity.Length;
            decoded = entity switch { "&amp;" => '&', "&lt;" => '<', "&gt;" => '>', _ => '"' };
            return true;
        }
        decoded = default;
        return false;
    }

    private static bool Next(string html, ref int at, string expected)
    {
        if (string.CompareOrdinal(html, at, expected, 0, expected.Length) != 0)
            return false;
        at += expected.Length;
        return true;
    }

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
