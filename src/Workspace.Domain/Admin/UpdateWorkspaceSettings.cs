using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;
using Workspace.Domain.Setup;

namespace Workspace.Domain.Admin;

/// <summary>An admin changes the workspace's name, description and rules, all at once.</summary>
public sealed record UpdateWorkspaceSettings(
    Guid ActorId,
    string Name,
    string Description,
    IReadOnlyList<Guid> DefaultChannelIds,
    Permission ChannelCreation,
    Permission BroadcastMentions,
    int? EditWindowMinutes,
    int? DeleteWindowMinutes) : ICommand<Unit>, IActorRequest;

public sealed class UpdateWorkspaceSettingsValidator : AbstractValidator<UpdateWorkspaceSettings>
{
    public UpdateWorkspaceSettingsValidator()
    {
        RuleFor(c => c.Name)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Enter a name for the workspace.")
            .MaximumLength(WorkspaceSettings.MaxNameLength)
            .WithMessage($"Workspace names are at most {WorkspaceSettings.MaxNameLength} characters.");
        RuleFor(c => c.Description).MaximumLength(WorkspaceSettings.MaxDescriptionLength)
            .WithMessage($"The description is at most {WorkspaceSettings.MaxDescriptionLength} characters.");
        RuleFor(c => c.DefaultChannelIds).Must(ids => ids.Count <= 50).WithMessage("Choose at most 50 default channels.");
        RuleFor(c => c.ChannelCreation).IsInEnum().WithMessage("Choose who may create channels.");
        RuleFor(c => c.BroadcastMentions).IsInEnum().WithMessage("Choose who may use @channel and @here.");
        RuleFor(c => c.EditWindowMinutes).InclusiveBetween(1, WorkspaceSettings.MaxWindowMinutes)
            .WithMessage("The edit window is between 1 minute and 1 year, or no limit.");
        RuleFor(c => c.DeleteWindowMinutes).InclusiveBetween(1, WorkspaceSettings.MaxWindowMinutes)
            .WithMessage("The delete window is between 1 minute and 1 year, or no limit.");
    }
}

public sealed class UpdateWorkspaceSettingsHandler(WorkspaceDb db, PendingEvents events, AuditLog audit) : ICommandHandler<UpdateWorkspaceSettings, Unit>
{
    public async ValueTask<Unit> Handle(UpdateWorkspaceSettings command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var ids = command.DefaultChannelIds.Distinct().ToList();
        var publicChannels = await db.Channels
            .CountAsync(c => ids.Contains(c.Id) && c.Kind == ChannelKind.Public && !c.IsArchived, cancellationToken);
        if (publicChannels != ids.Count)
            throw new DomainException("Default channels must be public channels that are not archived.");
        var settings = await db.Settings.SingleAsync(cancellationToken);
        var before = Describe(settings);
        settings.Update(command.Name, command.Description, ids, command.ChannelCreation, command.BroadcastMentions,
            command.EditWindowMinutes, command.DeleteWindowMinutes);
        var after = Describe(settings);
        if (after != before)
            audit.Add(actor, AuditActions.WorkspaceUpdated, settings.Name, after);
        await db.SaveChangesAsync(cancellationToken);
        events.Add(new WorkspaceUpdated(settings.Name, settings.Logo));
        return Unit.Value;
    }

    private static string Describe(WorkspaceSettings s) =>
        $"name \"{s.Name}\"; {s.DefaultChannelIds.Count} default channels; channels created by {Who(s.ChannelCreation)}; " +
        $"@channel/@here by {Who(s.BroadcastMentions)}; edit window {Window(s.EditWindowMinutes)}; " +
        $"delete window {Window(s.DeleteWindowMinutes)}; description {s.Description.Length} characters";

    private static string Who(Permission permission) => permission == Permission.AdminsOnly ? "admins" : "members";

    private static string Window(int? minutes) => minutes is { } m ? WorkspaceSettings.Minutes(m) : "none";
}
