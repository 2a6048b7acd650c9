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
        var wholeChannel = candidates.Contains(Channel);
        if (wholeChannel || candidates.Contains(Here))
        {
            var memberIds = await db.Memberships.Where(m => m.ChannelId == channel.Id).Select(m => m.UserId)
                .ToListAsync(cancellationToken);
            IEnumerable<Guid> reached = wholeChannel ? memberIds : await presence.OnlineAmongAsync(memberIds, cancellationToken);
            foreach (var memberId in reached)
                mentioned[memberId] = wholeChannel ? MentionKind.Channel : MentionKind.Here;
            tokens.UnionWith(candidates.Where(Reserved.Contains));
        }

        var named = await NamedPeople.For(db)(db, [.. candidates], channel.Id).ToListAsync(cancellationToken);
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

    private sealed record NamedPerson(Guid Id, string Handle, bool IsMember, bool IsBot);

    /// <summary>The people a message names, whether each is in the channel. Compiled: every post that names someone asks it.</summary>
    private static readonly PerModel<Func<WorkspaceDb, string[], Guid, IAsyncEnumerable<NamedPerson>>> NamedPeople = new(() =>
        EF.CompileAsyncQuery((WorkspaceDb db, string[] handles, Guid channelId) =>
            db.Users.Where(u => handles.Contains(u.Handle)).Select(u => new NamedPerson(u.Id, u.Handle,
                db.Memberships.Any(m => m.ChannelId == channelId && m.UserId == u.Id), u.Role == WorkspaceRole.Bot))));

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
