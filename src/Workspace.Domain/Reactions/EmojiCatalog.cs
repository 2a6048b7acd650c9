namespace Workspace.Domain.Reactions;

/// <summary>The emoji people can react with, each with the names the picker searches.</summary>
public static class EmojiCatalog
{
    public sealed record Emoji(string Character, string Name, string Keywords);

    public static readonly IReadOnlyList<Emoji> All =
    [
        new("👍", "thumbs up", "+1 yes like agree ok"),
        new("👎", "thumbs down", "-1 no dislike disagree"),
        new("❤️", "red heart", "love like"),
        new("😂", "face with tears of joy", "laugh lol funny"),
        new("😄", "grinning face with smiling eyes", "smile happy"),
        new("😊", "smiling face with smiling eyes", "blush happy"),
        new("😉", "winking face", "wink"),
        new("😍", "smiling face with heart-eyes", "love crush"),
        new("🤔", "thinking face", "hmm think wonder"),
        new("😮", "face with open mouth", "wow surprised"),
        new("😢", "crying face", "sad tear"),
        new("😭", "loudly crying face", "sob sad"),
        new("😡", "enraged face", "angry mad"),
        new("😱", "face screaming in fear", "scream shock"),
        new("😅", "grinning face with sweat", "phew relief"),
        new("🙃", "upside-down face", "silly sarcasm"),
        new("😎", "smiling face with sunglasses", "cool"),
        new("🥳", "partying face", "party celebrate"),
        new("😴", "sleeping face", "tired sleep zzz"),
        new("🤯", "exploding head", "mind blown"),
        new("🙄", "face with rolling eyes", "eyeroll"),
        new("😬", "grimacing face", "awkward yikes"),
        new("🤝", "handshake", "deal agree"),
        new("🙏", "folded hands", "thanks please pray"),
        new("👏", "clapping hands", "clap applause bravo"),
        new("🙌", "raising hands", "hooray celebrate"),
        new("👀", "eyes", "look watching seen"),
        new("💪", "flexed biceps", "strong muscle"),
        new("👋", "waving hand", "wave hello bye hi"),
        new("✅", "check mark button", "done yes complete"),
        new("❌", "cross mark", "no wrong cancel"),
        new("⚠️", "warning", "caution alert"),
        new("❓", "question mark", "question help"),
        new("❗", "exclamation mark", "important"),
        new("💯", "hundred points", "100 perfect"),
        new("🔥", "fire", "hot lit"),
        new("🎉", "party popper", "tada celebrate congratulations"),
        new("🚀", "rocket", "launch ship fast"),
        new("⭐", "star", "favorite"),
        new("✨", "sparkles", "shiny new"),
        new("💡", "light bulb", "idea"),
        new("📌", "pushpin", "pin"),
        new("📝", "memo", "note write"),
        new("📅", "calendar", "date schedule"),
        new("⏰", "alarm clock", "time deadline"),
        new("🐛", "bug", "issue defect"),
        new("🛠️", "hammer and wrench", "tools fix build"),
        new("🔒", "locked", "lock secure private"),
        new("☕", "hot beverage", "coffee tea break"),
        new("🍕", "pizza", "food lunch"),
        new("🍺", "beer mug", "drink cheers"),
        new("🎂", "birthday cake", "birthday"),
        new("🏆", "trophy", "win award"),
        new("🌟", "glowing star", "shine"),
        new("🌈", "rainbow", "pride"),
        new("☀️", "sun", "sunny weather"),
        new("🌧️", "cloud with rain", "rain weather"),
        new("❄️", "snowflake", "cold winter"),
        new("🐶", "dog face", "dog puppy"),
        new("🐱", "cat face", "cat kitten"),
        new("🦄", "unicorn", "magic"),
        new("🤖", "robot", "bot"),
        new("👻", "ghost", "boo"),
        new("💩", "pile of poo", "poop"),
        new("🙈", "see-no-evil monkey", "oops"),
        new("🤷", "person shrugging", "shrug dunno"),
        new("🤦", "person facepalming", "facepalm"),
        new("👌", "OK hand", "ok perfect"),
        new("✌️", "victory hand", "peace"),
        new("🤞", "crossed fingers", "luck hope"),
        new("👉", "backhand index pointing right", "point this"),
        new("➕", "plus", "add"),
        new("➖", "minus", "remove"),
        new("🔁", "repeat button", "again retry"),
        new("⏳", "hourglass not done", "waiting pending"),
        new("📈", "chart increasing", "growth up"),
        new("📉", "chart decreasing", "down loss"),
        new("💰", "money bag", "money cost"),
        new("🎯", "direct hit", "target goal"),
        new("🧠", "brain", "smart"),
        new("💬", "speech balloon", "comment chat"),
        new("📣", "megaphone", "announce"),
        new("🔔", "bell", "notify"),
        new("🆗", "OK button", "ok"),
        new("🆘", "SOS button", "help"),
        new("🇺🇳", "flag: United Nations", "world"),
    ];

    private static readonly HashSet<string> Characters = All.Select(e => e.Character).ToHashSet(StringComparer.Ordinal);
    private static readonly Dictionary<string, string> Names = All.ToDictionary(e => e.Character, e => e.Name, StringComparer.Ordinal);

    public static bool Contains(string emoji) => Characters.Contains(emoji);

    public static string NameOf(string emoji) => Names.GetValueOrDefault(emoji, emoji);

    /// <summary>
    /// The emoji a Slack-style shortcode such as <c>:thumbs_up:</c> or <c>:+1:</c> names (by name or keyword), or
    /// null when there is none of ours by that name.
    /// </summary>
    public static string? FromShortcode(string? shortcode)
    {
        var name = shortcode?.Trim().Trim(':').Replace('_', ' ').ToLowerInvariant();
        if (string.IsNullOrEmpty(name))
            return null;
        return (All.FirstOrDefault(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? All.FirstOrDefault(e => e.Keywords.Split(' ').Contains(name, StringComparer.OrdinalIgnoreCase)))?.Character;
    }

    public static IEnumerable<Emoji> Search(string query)
    {
        var words = query.Trim().ToLowerInvariant();
        return words.Length == 0
            ? All
            : All.Where(e => e.Name.Contains(words, StringComparison.OrdinalIgnoreCase)
                             || e.Keywords.Contains(words, StringComparison.OrdinalIgnoreCase));
    }
}
