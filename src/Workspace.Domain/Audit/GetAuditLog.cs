using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Audit;

/// <summary>
/// The audit log newest first, 50 at a time: <paramref name="Before"/> is the last entry of the previous page.
/// <paramref name="Action"/> keeps one kind of entry; <paramref name="Search"/> matches who, what or where.
/// </summary>
public sealed record GetAuditLog(Guid ActorId, string? Action = null, string? Search = null, long? Before = null,
    int Limit = GetAuditLog.PageSize) : IQuery<AuditPage>, IActorRequest
{
    public const int PageSize = 50;
}

public sealed record AuditPage(IReadOnlyList<AuditEntryView> Entries, bool HasMore);

public sealed record AuditEntryView(long Id, DateTimeOffset At, string ActorName, string Action, string Target,
    string Detail, string? Address);

public sealed class GetAuditLogValidator : AbstractValidator<GetAuditLog>
{
    public GetAuditLogValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 200).WithMessage("Ask for 1 to 200 entries at a time.");
        RuleFor(q => q.Action).Must(a => a is null or "" || AuditActions.All.Contains(a))
            .WithMessage("There is no such kind of audit entry.");
        RuleFor(q => q.Search).MaximumLength(100).WithMessage("Search for at most 100 characters.");
    }
}

public sealed class GetAuditLogHandler(WorkspaceDb db) : IQueryHandler<GetAuditLog, AuditPage>
{
    public async ValueTask<AuditPage> Handle(GetAuditLog query, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(query.Action))
            entries = entries.Where(e => e.Action == query.Action);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Like.Containing(query.Search);
            entries = entries.Where(e => EF.Functions.Like(e.ActorName.ToLower(), pattern, Like.EscapeCharacter)
                || EF.Functions.Like(e.Target.ToLower(), pattern, Like.EscapeCharacter)
                || EF.Functions.Like(e.Detail.ToLower(), pattern, Like.EscapeCharacter)
                || (e.Address != null && EF.Functions.Like(e.Address, pattern, Like.EscapeCharacter)));
        }
        if (query.Before is { } before)
            entries = entries.Where(e => e.Id < before);
        var page = await entries.OrderByDescending(e => e.Id).Take(query.Limit + 1)
            .Select(e => new AuditEntryView(e.Id, e.At, e.ActorName, e.Action, e.Target, e.Detail, e.Address))
            .ToListAsync(cancellationToken);
        return new AuditPage(page.Take(query.Limit).ToList(), page.Count > query.Limit);
    }
}
