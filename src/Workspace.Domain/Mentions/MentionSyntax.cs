using System.Text.RegularExpressions;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Workspace.Domain.Mentions;

/// <summary>Finds <c>@handle</c>, <c>@channel</c> and <c>@here</c> in a parsed message and renders them as mentions.</summary>
internal static partial class MentionSyntax
{
    public static IReadOnlySet<string> Candidates(MarkdownDocument document)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var literal in Literals(document))
            foreach (Match match in Token().Matches(literal.Content.ToString()))
                tokens.Add(match.Groups[1].Value.ToLowerInvariant());
        return tokens;
    }

    public static void Mark(MarkdownDocument document, IReadOnlySet<string> mentions)
    {
        foreach (var literal in Literals(document).ToList())
        {
            var text = literal.Content.ToString();
            var matches = Token().Matches(text).Where(m => mentions.Contains(m.Groups[1].Value.ToLowerInvariant())).ToList();
            if (matches.Count == 0)
                continue;
            var pieces = new ContainerInline();
            var at = 0;
            foreach (var match in matches)
            {
                if (match.Index > at)
                    pieces.AppendChild(new LiteralInline(text[at..match.Index]));
                pieces.AppendChild(new MentionInline(match.Groups[1].Value.ToLowerInvariant()));
                at = match.Index + match.Length;
            }
            if (at < text.Length)
                pieces.AppendChild(new LiteralInline(text[at..]));
            literal.ReplaceBy(pieces);
        }
    }

    private static IEnumerable<LiteralInline> Literals(MarkdownDocument document) =>
        document.Descendants<LiteralInline>().Where(l => l.FirstParentOfType<LinkInline>() is null);

    // An @ that does not follow a word character, dot or slash (so not an email address or a path), then a handle
    // that does not end in a dot (so "@ann." at the end of a sentence mentions ann).
    [GeneratedRegex(@"(?<![\w.@/])@([a-zA-Z0-9](?:[a-zA-Z0-9._-]*[a-zA-Z0-9_-])?)")]
    private static partial Regex Token();

    public sealed class MentionInline(string token) : LeafInline
    {
        public string Token { get; } = token;
    }

    public sealed class Renderer : HtmlObjectRenderer<MentionInline>
    {
        protected override void Write(HtmlRenderer renderer, MentionInline mention)
        {
            renderer.Write("<span class=\"mention\" data-handle=\"");
            renderer.WriteEscape(mention.Token);
            renderer.Write("\">@");
            renderer.WriteEscape(mention.Token);
            renderer.Write("</span>");
        }
    }
}
