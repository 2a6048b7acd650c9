using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Admin;

/// <summary>An admin uploads the workspace's logo, or removes it with null. Returns the logo's version, null when removed.</summary>
public sealed record SetWorkspaceLogo(Guid ActorId, byte[]? Content) : ICommand<long?>, IActorRequest;

public sealed class SetWorkspaceLogoValidator : AbstractValidator<SetWorkspaceLogo>
{
    public SetWorkspaceLogoValidator() =>
        RuleFor(c => c.Content!.Length).PictureSize().OverridePropertyName(nameof(SetWorkspaceLogo.Content))
            .When(c => c.Content is not null);
}

public sealed class SetWorkspaceLogoHandler(WorkspaceDb db, PendingEvents events, AuditLog audit, IOptions<StorageOptions> storage)
    : ICommandHandler<SetWorkspaceLogo, long?>
{
    public async ValueTask<long?> Handle(SetWorkspaceLogo command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var settings = await db.Settings.SingleAsync(cancellationToken);
        var path = storage.Value.LogoFile();
        if (command.Content is null)
        {
            File.Delete(path);
            settings.LogoRemoved();
            audit.Add(actor, AuditActions.WorkspaceUpdated, settings.Name, "logo removed");
        }
        else
        {
            await StorageOptions.WriteAtomicallyAsync(path, SquarePictures.ToPng(command.Content), cancellationToken);
            settings.LogoChanged();
            audit.Add(actor, AuditActions.WorkspaceUpdated, settings.Name, "new logo");
        }
        await db.SaveChangesAsync(cancellationToken);
        events.Add(new WorkspaceUpdated(settings.Name, settings.Logo));
        return settings.Logo;
    }
}
