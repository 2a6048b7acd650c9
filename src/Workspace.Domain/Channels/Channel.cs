using System.Text.RegularExpressions;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Channels;

public enum ChannelKind
{
    Public = 0,
    Private = 1,

    /// <summary>A conversation between 1 to 8 people, outside any channel; only they can ever see it.</summary>
    Direct = 2,
}

public sealed partial class Channel
{
    public const int MaxNameLength = 80;
    public const int MaxTopicLength = 250;
    public const string General = "general";
    public const string ConfirmByName = "Type the channel's name to confirm.";
    public const string NameRule = "Channel names use lowercase letters, digits, '-' and '_', at most 80 characters.";

    private Channel() { }

    public Channel(string name, ChannelKind kind, Guid createdById, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        Name = name;
        Kind = kind;
        CreatedById = createdById;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public ChannelKind Kind { get; private set; }
    public string Topic { get; private set; } = "";
    public bool IsArchived { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Seq of the newest top-level message; allocated with the insert (see <see cref="ChannelCounters"/>).</summary>
    public long LastSeq { get; private set; }

    /// <summary>Counts every change to the channel's messages; views catch up with "changes after n".</summary>
    public long ChangeSeq { get; private set; }

    public bool IsPrivate => Kind == ChannelKind.Private;
    public bool IsDirect => Kind == ChannelKind.Direct;

    /// <summary>Private channels and direct conversations exist only for their members.</summary>
    public bool IsMembersOnly => Kind != ChannelKind.Public;

    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    public void Rename(User actor, string newName)
    {
        if (IsDirect)
            throw new DomainException("Direct conversations have no name to change.");
        if (Name == General)
            throw new DomainException("#general keeps its name: everyone finds it there.");
        EnsureManagedBy(actor, "rename");
        EnsureOpen();
        Name = newName;
    }

    /// <summary>Makes the channel read-only and takes it out of sidebars and browsing; members can still read it.</summary>
    public void Archive()
    {
        if (Name == General)
            throw new DomainException("#general can't be archived: it is where everyone meets.");
        if (IsDirect)
            throw new DomainException("Direct conversations can't be archived.");
        IsArchived = true;
    }

    public void Unarchive() => IsArchived = false;

    /// <summary>
    /// There is no way back: making a private channel public would show its history to people its members never
    /// wrote it for.
    /// </summary>
    public void MakePrivate()
    {
        if (Name == General)
            throw new DomainException("#general stays public: everyone is in it.");
        if (Kind != ChannelKind.Public)
            throw new DomainException($"#{Name} is already private.");
        Kind = ChannelKind.Private;
    }

    /// <summary>Deleting cannot be undone, so the person must type the name of what they are deleting.</summary>
    public void EnsureDeletable(string confirmName)
    {
        if (Name == General)
            throw new DomainException("#general can't be deleted: it is where everyone meets.");
        if (confirmName.Trim().TrimStart('#') != Name)
            throw new DomainException(ConfirmByName);
    }

    /// <summary>Everyone in the workspace is in #general; nobody leaves it or is taken out of it.</summary>
    public void EnsureMembersCanBeRemoved()
    {
        if (Name == General)
            throw new DomainException("Everyone stays in #general.");
    }

    public void SetTopic(string topic)
    {
        EnsureOpen();
        Topic = topic.Trim();
    }

    public ChannelUpdated Updated() => new(Id, Name, Topic, IsPrivate, IsArchived);

    public void EnsureOpen()
    {
        if (IsArchived)
            throw new DomainException($"#{Name} is archived.");
    }

    private void EnsureManagedBy(User actor, string action)
    {
        if (!actor.IsAdmin && actor.Id != CreatedById)
            throw new ForbiddenException($"Only admins and the person who created #{Name} can {action} it.");
    }

    [GeneratedRegex("^[a-z0-9_-]{1,80}$")]
    private static partial Regex NamePattern();
}
