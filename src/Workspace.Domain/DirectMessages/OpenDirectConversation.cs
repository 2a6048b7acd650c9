using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.EventLog;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.DirectMessages;

/// <summary>
/// The conversation between the actor and the people with these handles: found when it exists, started when it
/// does not. One conversation per set of people, however often and however concurrently it is opened.
/// </summary>
public sealed record OpenDirectConversation(Guid ActorId, IReadOnlyList<string> Handles) : ICommand<ChannelDetails>, IActorRequest;

public sealed class OpenDirectConversationValidator : AbstractValidator<OpenDirectConversation>
{
    public const int MaxPeople = 8;

    public OpenDirectConversationValidator() => RuleFor(c => c.Handles)
        .Must(handles => handles is { Count: > 0 }).WithMessage("Choose at least one person.")
        .Must(handles => handles is null || handles.Distinct(StringComparer.OrdinalIgnoreCase).Count() < MaxPeople)
        .WithMessage($"A conversation has at most {MaxPeople} people.");
}

public sealed class OpenDirectConversationHandler(WorkspaceDb db, PendingEvents events, TimeProvider clock)
    : ICommandHandler<OpenDirectConversation, ChannelDetails>
{
    public async ValueTask<ChannelDetails> Handle(OpenDirectConversation command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var handles = command.Handles.Select(h => h.Trim().TrimStart('@').ToLowerInvariant()).Distinct().ToList();
        var people = await db.PeopleKnownTo(actor).Where(u => handles.Contains(u.Handle)).Select(u => new { u.Id, u.Handle })
            .ToListAsync(cancellationToken);
        if (handles.FirstOrDefault(h => people.All(p => p.Handle != h)) is { } unknown)
            throw new NotFoundException($"No one in this workspace has the handle @{unknown}.");

        var memberIds = people.Select(p => p.Id).Append(actor.Id).Distinct().Order().ToList();
        var key = KeyFor(memberIds);
        if (!await db.Channels.AnyAsync(c => c.Name == key, cancellationToken))
            await StartAsync(key, actor.Id, memberIds, cancellationToken);
        var (channel, membership) = await db.FindVisibleByNameAsync(actor.Id, key, cancellationToken);
        return await db.DetailsAsync(actor, channel, membership, cancellationToken);
    }

    private async Task StartAsync(string key, Guid actorId, IReadOnlyList<Guid> memberIds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var channel = new Channel(key, ChannelKind.Direct, actorId, now);
        db.Channels.Add(channel);
        foreach (var memberId in memberIds)
        {
            db.Memberships.Add(new Membership(channel.Id, memberId, lastReadSeq: 0, now));
            db.Log(LoggedEvent.Membership(memberId, channel.Id, isMember: true, now));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Someone opened the same conversation at the same moment; theirs is the one.
            db.ChangeTracker.Clear();
            return;
        }
        foreach (var memberId in memberIds)
            events.Add(new MembershipChanged(memberId, channel.Id, IsMember: true));
    }

    /// <summary>
    /// The same people always give the same key. It contains ':' and '@', which channel names cannot, so it never
    /// collides with a channel someone names.
    /// </summary>
    internal static string KeyFor(IEnumerable<Guid> memberIds)
    {
        var joined = string.Join(",", memberIds.Order());
        return "@dm:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..32];
    }
}
