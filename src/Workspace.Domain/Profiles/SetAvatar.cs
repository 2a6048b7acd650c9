using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Profiles;

/// <summary>A person uploads a profile photo. Returns the new avatar version, which image links carry.</summary>
public sealed record SetAvatar(Guid ActorId, byte[] Content) : ICommand<long>, IActorRequest;

public sealed class SetAvatarValidator : AbstractValidator<SetAvatar>
{
    public SetAvatarValidator() =>
        RuleFor(c => c.Content.Length).PictureSize().OverridePropertyName(nameof(SetAvatar.Content));
}

public sealed class SetAvatarHandler(WorkspaceDb db, IOptions<StorageOptions> storage) : ICommandHandler<SetAvatar, long>
{
    public async ValueTask<long> Handle(SetAvatar command, CancellationToken cancellationToken)
    {
        var me = await db.ActorAsync(command.ActorId, cancellationToken);
        var png = SquarePictures.ToPng(command.Content);
        await StorageOptions.WriteAtomicallyAsync(storage.Value.AvatarFile(me.Id), png, cancellationToken);
        var version = me.AvatarUploaded();
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }
}
