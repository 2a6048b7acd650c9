using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Admin;

/// <summary>Everyone in the workspace for the admin's Members page, by name, 50 a page, searchable.</summary>
public sealed record GetMemberList(Guid ActorId, string? Search = null, int Page = 1) : IQuery<MemberList>, IActorRequest
{
    public const int PageSize = 50;
}

public sealed record MemberList(IReadOnlyList<MemberRow> Members, int Total, int Page, int Pages);

public sealed record MemberRow(Guid Id, string DisplayName, string Handle, string Email, WorkspaceRole Role,
    DateTimeOffset JoinedAt, bool IsActive);

public sealed class GetMemberListValidator : AbstractValidator<GetMemberList>
{
    public GetMemberListValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Pages are numbered from 1.");
        RuleFor(q => q.Search).MaximumLength(100).WithMessage("Search for at most 100 characters.");
    }
}

public sealed class GetMemberListHandler(WorkspaceDb db) : IQueryHandler<GetMemberList, MemberList>
{
    public async ValueTask<MemberList> Handle(GetMemberList query, CancellationToken cancellationToken)
    {
        var people = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Like.Containing(query.Search);
            people = people.Where(u => EF.Functions.Like(u.DisplayName.ToLower(), pattern, Like.EscapeCharacter)
                || EF.Functions.Like(u.Handle, pattern, Like.EscapeCharacter)
                || EF.Functions.Like(u.NormalizedEmail!.ToLower(), pattern, Like.EscapeCharacter));
        }
        var total = await people.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + GetMemberList.PageSize - 1) / GetMemberList.PageSize);
        var page = Math.Min(query.Page, pages);
        var rows = await people.OrderBy(u => u.DisplayName).ThenBy(u => u.Handle)
            .Skip((page - 1) * GetMemberList.PageSize).Take(GetMemberList.PageSize)
            .Select(u => new MemberRow(u.Id, u.DisplayName, u.Handle, u.Email ?? "", u.Role, u.JoinedAt, u.DeactivatedAt == null))
            .ToListAsync(cancellationToken);
        return new MemberList(rows, total, page, pages);
    }
}
