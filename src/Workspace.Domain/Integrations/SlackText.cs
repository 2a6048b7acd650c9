using System.Text.RegularExpressions;
using Workspace.Domain.Reactions;

namespace Workspace.Domain.Integrations;

/// <summary>
/// Slack's message formatting ("mrkdwn") turned into this workspace's Markdown, so that what an existing Slack
/// integration sends looks as it meant: <c>*bold*</c>, <c>~struck~</c>, <c>&lt;url|label&gt;</c> links,
/// <c>&lt;!channel&gt;</c> and <c>&lt;!here&gt;</c>, and <c>:emoji:</c> shortcodes. <c>_italic_</c> and code are the same in both.
/// </summary>
public static partial class SlackText
{
    /// <summary>Translates everything outside code, which both write the same and which must stay as it is.</summary>
    public static string ToMarkdown(string text) =>
        string.Concat(Code().Split(text).Select((part, i) => i % 2 == 1 ? part : Translate(part)));

    private static string Translate(string text)
    {
        var markdown = Link().Replace(text, m => m.Groups["label"].Success
            ? $"[{m.Groups["label"].Value}]({m.Groups["url"].Value})"
            : $"<{m.Groups["url"].Value}>");
        markdown = Special().Replace(markdown, m => "@" + m.Groups["who"].Value);
        markdown = Bold().Replace(markdown, "**${body}**");
        markdown = Struck().Replace(markdown, "~~${body}~~");
        return Shortcode().Replace(markdown, m => EmojiCatalog.FromShortcode(m.Value) ?? m.Value);
    }

    [GeneratedRegex(@"(```[\s\S]*?```|`[^`\n]*`)")]
    private static partial Regex Code();

    [GeneratedRegex(@"<(?<url>(?:https?|mailto):[^|>\s]+)(?:\|(?<label>[^>]+))?>")]
    private static partial Regex Link();

    [GeneratedRegex(@"<!(?<who>channel|here|everyone)>")]
    private static partial Regex Special();

    [GeneratedRegex(@"(?<![*\w])\*(?<body>[^*\s](?:[^*\n]*[^*\s])?)\*(?![*\w])")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![~\w])~(?<body>[^~\s](?:[^~\n]*[^~\s])?)~(?![~\w])")]
    private static partial Regex Struck();

    [GeneratedRegex(@":[a-z0-9_+\-]+:")]
    private static partial Regex Shortcode();
}
