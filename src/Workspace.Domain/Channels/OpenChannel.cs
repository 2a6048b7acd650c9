using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Channels;

/// <param name="Others">For a direct conversation, the people in it besides the viewer; empty for channels.</param>
public sealed record ChannelDetails(
    Guid Id,
    string Name,
    string Topic,
    bool IsPrivate,
    bool IsArchived,
    bool IsMember,
    bool CanRename,
    int MemberCount,
    long LastSeq,
    long LastReadSeq,
    bool IsDirect = false,
    IReadOnlyList<Participant>? Others = null)
{
    public IReadOnlyList<Participant> Others { get; init; } = Others ?? [];
}

/// <summary>A channel's header as its page shows it, found by name. Private channels exist only for their members.</summary>
public sealed record OpenChannel(Guid ActorId, string Name) : IQuery<ChannelDetails>, IChannelNameRequest
{
    string IChannelNameRequest.ChannelName => Name;
}

public sealed class OpenChannelHandler(WorkspaceDb db) : IQueryHandler<OpenChannel, ChannelDetails>
{
    public async ValueTask<ChannelDetails> Handle(OpenChannel query, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(query.ActorId, cancellationToken);
        var (channel, membership) = await db.FindVisibleByNameAsync(actor.Id, query.Name, cancellationToken);
        return await db.DetailsAsync(actor, channel, membership, cancellationToken);
    }
}

/// <summary>The same, found by id, as integrations name channels.</summary>
public sealed record OpenChannelById(Guid ActorId, Guid ChannelId) : IQuery<ChannelDetails>, IChannelRequest;

public sealed class OpenChannelByIdHandler(WorkspaceDb db) : IQueryHandler<OpenChannelById, ChannelDetails>
{
    public async ValueTask<ChannelDetails> Handle(OpenChannelById query, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(query.ActorId, cancellationToken);
        var (channel, membership) = await db.FindVisibleAsync(actor.Id, query.ChannelId, cancellationToken);
        return await db.DetailsAsync(actor, channel, membership, cancellationToken);
    }
}

internal static class ChannelDetailsQuery
{
    public static async Task<ChannelDetails> DetailsAsync(this WorkspaceDb db, User actor, Channel channel,
        Membership? membership, CancellationToken cancellationToken)
    {
        var memberCount = await db.Memberships.CountAsync(m => m.ChannelId == channel.Id, cancellationToken);
        var canRename = !channel.IsDirect && !channel.IsArchived && channel.Name != Channel.General && (actor.IsAdmin || channel.CreatedById == actor.Id);
        IReadOnlyList<Participant>? others = channel.IsDirect
            ? (await db.OthersAsync(actor.Id, [channel.Id], cancellationToken))[channel.Id].ToList()
            : null;
        return new ChannelDetails(channel.Id, channel.Name, channel.Topic, channel.IsPrivate, channel.IsArchived,
            membership is not null, canRename, memberCount, channel.LastSeq, membership?.LastReadSeq ?? channel.LastSeq,
            channel.IsDirect, others);
    }
}
