using Workspace.Domain.Common;

namespace Workspace.Domain.Setup;

/// <summary>Who may do something the workspace lets its admins restrict.</summary>
public enum Permission
{
    /// <summary>Every member and admin (guests never).</summary>
    Members = 0,
    AdminsOnly = 1,
}

/// <summary>The one row that says the workspace exists, what it is called, and the rules its admins chose.</summary>
public sealed class WorkspaceSettings
{
    public const int SingletonId = 1;
    public const int MaxNameLength = 80;
    public const int MaxDescriptionLength = 500;
    public const int MaxWindowMinutes = 60 * 24 * 365;

    private WorkspaceSettings() { }

    public WorkspaceSettings(string name, DateTimeOffset createdAt)
    {
        Id = SingletonId;
        Name = name.Trim();
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Shown on the sign-in and invite pages.</summary>
    public string Description { get; private set; } = "";

    public bool HasLogo { get; private set; }

    /// <summary>Bumped by each upload; logo links carry it so that browsers fetch the new one.</summary>
    public long LogoVersion { get; private set; }

    /// <summary>The version logo links carry, or null while there is no logo.</summary>
    public long? Logo => HasLogo ? LogoVersion : null;

    /// <summary>Channels a new member joins besides #general (guests join only what their invite names).</summary>
    public List<Guid> DefaultChannelIds { get; private set; } = [];

    public Permission ChannelCreation { get; private set; }

    /// <summary>Who may notify a whole channel with @channel or @here.</summary>
    public Permission BroadcastMentions { get; private set; }

    /// <summary>How long after posting authors may edit a message; null for always.</summary>
    public int? EditWindowMinutes { get; private set; }

    /// <summary>How long after posting authors may delete a message; null for always. Admins may delete any.</summary>
    public int? DeleteWindowMinutes { get; private set; }

    /// <summary>
    /// Whether outgoing webhooks may call loopback, private and link-local addresses: off by default, since those
    /// reach the server's own network rather than the internet.
    /// </summary>
    public bool AllowPrivateNetworkTargets { get; private set; }

    public void AllowPrivateNetworks(bool allowed) => AllowPrivateNetworkTargets = allowed;

    public void Update(string name, string description, IReadOnlyList<Guid> defaultChannelIds, Permission channelCreation,
        Permission broadcastMentions, int? editWindowMinutes, int? deleteWindowMinutes)
    {
        Name = name.Trim();
        Description = description.Trim();
        DefaultChannelIds = defaultChannelIds.Distinct().ToList();
        ChannelCreation = channelCreation;
        BroadcastMentions = broadcastMentions;
        EditWindowMinutes = editWindowMinutes;
        DeleteWindowMinutes = deleteWindowMinutes;
    }

    /// <summary>The version only grows, so a removed and re-added logo never meets a browser's cached old one.</summary>
    public void LogoChanged()
    {
        LogoVersion++;
        HasLogo = true;
    }

    public void LogoRemoved() => HasLogo = false;

    public void EnsureWithinEditWindow(DateTimeOffset postedAt, DateTimeOffset now)
    {
        if (EditWindowMinutes is { } minutes && now - postedAt > TimeSpan.FromMinutes(minutes))
            throw new ForbiddenException($"Messages can only be edited within {Minutes(minutes)} of posting.");
    }

    public void EnsureWithinDeleteWindow(DateTimeOffset postedAt, DateTimeOffset now)
    {
        if (DeleteWindowMinutes is { } minutes && now - postedAt > TimeSpan.FromMinutes(minutes))
            throw new ForbiddenException($"Messages can only be deleted within {Minutes(minutes)} of posting.");
    }

    public static string Minutes(int minutes) => minutes switch
    {
        1 => "1 minute",
        < 60 => $"{minutes} minutes",
        60 => "1 hour",
        _ when minutes % (60 * 24) == 0 => minutes == 60 * 24 ? "1 day" : $"{minutes / (60 * 24)} days",
        _ when minutes % 60 == 0 => $"{minutes / 60} hours",
        _ => $"{minutes} minutes",
    };
}
