using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Mentions;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Profiles;

/// <summary>
/// A person renames themselves, picks a new handle or a time zone (null or empty: none). The handle is stored lowercase,
/// without a leading @. Messages already sent keep the mentions they were written with.
/// </summary>
public sealed record UpdateProfile(Guid ActorId, string DisplayName, string Handle, string? TimeZone) : ICommand, IActorRequest;

public sealed class UpdateProfileValidator : AbstractValidator<UpdateProfile>
{
    public UpdateProfileValidator()
    {
        RuleFor(c => c.DisplayName).DisplayName();
        RuleFor(c => Handles.Normalize(c.Handle)).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter a handle.")
            .MaximumLength(Handles.MaxLength).WithMessage($"Handles are at most {Handles.MaxLength} characters.")
            .Must(Handles.IsWellFormed)
            .WithMessage("Handles use lowercase letters, digits, '-', '_' and dots between them.")
            .Must(h => !MessageMentions.Reserved.Contains(h))
            .WithMessage(h => $"@{Handles.Normalize(h.Handle)} is reserved for mentioning everyone; pick another handle.")
            .OverridePropertyName(nameof(UpdateProfile.Handle));
        RuleFor(c => c.TimeZone)
            .Must(zone => string.IsNullOrEmpty(zone) || zone.Length <= User.MaxTimeZoneLength && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            .WithMessage("Pick a time zone from the list.");
    }
}

public sealed class UpdateProfileHandler(WorkspaceDb db, SidebarCache sidebars) : ICommandHandler<UpdateProfile>
{
    public async ValueTask<Unit> Handle(UpdateProfile command, CancellationToken cancellationToken)
    {
        var me = await db.ActorAsync(command.ActorId, cancellationToken);
        var handle = Handles.Normalize(command.Handle);
        if (handle != me.Handle && await db.Users.AnyAsync(u => u.Handle == handle, cancellationToken))
            throw Taken(handle);
        var zone = string.IsNullOrEmpty(command.TimeZone) ? null : TimeZoneInfo.FindSystemTimeZoneById(command.TimeZone).Id;
        var (nameBefore, handleBefore) = (me.DisplayName, me.Handle);
        me.ChangeProfile(command.DisplayName, handle, zone);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        // Two people claiming the same free handle at once: the unique index lets one through.
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw Taken(handle);
        }
        // Conversations are titled by the names of the people in them; no event says a name changed.
        if (me.DisplayName != nameBefore || me.Handle != handleBefore)
            sidebars.ForgetAll();
        return Unit.Value;
    }

    private static DomainException Taken(string handle) => new($"Someone already has the handle @{handle}; pick another.");
}
