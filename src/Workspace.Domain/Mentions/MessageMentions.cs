using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Messages;
using Workspace.Domain.Persistence;
using Workspace.Domain.Realtime;
using Workspace.Domain.Setup;

namespace Workspace.Domain.Mentions;

/// <summary>
/// Who a message's text mentions. Only members of the channel can be mentioned; named people who are not
/// members are reported back so that the sender can add them.
/// </summary>
/// <param name="Tokens">What renders as a mention: handles of members, and "channel" or "here".</param>
/// <param name="Mentioned">Each person to notify, with how they were mentioned; never the author.</param>
/// <param name="NamesABot">Whether a member it names is a bot, which may take the message by its outgoing webhook.</param>
public sealed record MessageMentions(
    IReadOnlySet<string> Tokens,
    IReadOnlyDictionary<Guid, MentionKind> Mentioned,
    IReadOnlyList<string> NotInChannel,
    bool NamesABot = false)
{
    public const string Channel = "channel";
    public const string Here = "here";
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string> { Channel, Here, "everyone" };

    public static async Task<MessageMentions> ResolveAsync(WorkspaceDb db, Presence presence, Channels.Channel channel,
        Guid authorId, MarkdownRenderer.ParsedMarkdown markdown, CancellationToken cancellationToken)
    {
        var candidates = markdown.MentionCandidates;
        if (candidates.Count == 0)
            return new MessageMentions(new HashSet<string>(), new Dictionary<Guid, MentionKind>(), []);

        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var mentioned = new Dictionary<Guid, MentionKind>();
        var members = db.Memberships.Where(m => m.ChannelId == channel.Id).Select(m => m.UserId);
        var wholeChannel = candidates.Contains(Channel);
        if (wholeChannel || candidates.Contains(Here))
        {
            var memberIds = await members.ToListAsync(cancellationToken);
            IEnumerable<Guid> reached = wholeChannel ? memberIds : await presence.OnlineAmongAsync(memberIds, cancellationToken);
            foreach (var memberId in reached)
                mentioned[memberId] = wholeChannel ? MentionKind.Channel : MentionKind.Here;
            tokens.UnionWith(candidates.Where(Reserved.Contains));
        }

        var named = await db.Users.Where(u => candidates.Contains(u.Handle))
            .Select(u => new { u.Id, u.Handle, IsMember = members.Contains(u.Id), IsBot = u.Role == WorkspaceRole.Bot })
            .ToListAsync(cancellationToken);
        foreach (var person in named.Where(p => p.IsMember))
        {
            tokens.Add(person.Handle);
            mentioned[person.Id] = MentionKind.Person;
        }
        mentioned.Remove(authorId);
        var notInChannel = channel.IsDirect ? [] : named.Where(p => !p.IsMember).Select(p => p.Handle).Order().ToList();
        var namesABot = named.Any(p => p.IsMember && p.IsBot && p.Id != authorId);
        return new MessageMentions(tokens, mentioned, notInChannel, namesABot);
    }

    /// <summary>A workspace can keep @channel and @here for its admins; refuses the text before anything is written.</summary>
    public async Task EnsureAllowedAsync(WorkspaceDb db, User author, CancellationToken cancellationToken)
    {
        if (!Tokens.Contains(Channel) && !Tokens.Contains(Here))
            return;
        if (!author.IsAdmin && await db.Settings.AnyAsync(s => s.BroadcastMentions == Permission.AdminsOnly, cancellationToken))
            throw new ForbiddenException("Only admins can notify everyone with @channel or @here in this workspace.");
    }

    /// <summary>Adds the mention rows of a new message; call inside its transaction.</summary>
    public void Add(WorkspaceDb db, Message message, DateTimeOffset at)
    {
        foreach (var (userId, kind) in Mentioned)
            db.Mentions.Add(new Mention(message.Id, userId, message.ChannelId, message.Seq, kind, at));
    }

    /// <summary>Replaces an edited message's mention rows with these; call inside its transaction.</summary>
    public async Task ReplaceAsync(WorkspaceDb db, Message message, CancellationToken cancellationToken)
    {
        await db.Mentions.Where(m => m.MessageId == message.Id).ExecuteDeleteAsync(cancellationToken);
        Add(db, message, message.CreatedAt);
    }
}
