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
        RuleFor(c => c.Content.Length).Cascade(CascadeMode.Stop)
            .GreaterThan(0).WithMessage(AvatarImages.NotAnImage)
            .LessThanOrEqualTo(AvatarImages.MaxBytes).WithMessage(AvatarImages.TooLarge)
            .OverridePropertyName(nameof(SetAvatar.Content));
}

public sealed class SetAvatarHandler(WorkspaceDb db, IOptions<StorageOptions> storage) : ICommandHandler<SetAvatar, long>
{
    public async ValueTask<long> Handle(SetAvatar command, CancellationToken cancellationToken)
    {
        var me = await db.ActorAsync(command.ActorId, cancellationToken);
        var png = AvatarImages.ToAvatarPng(command.Content);
        var path = storage.Value.AvatarFile(me.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written aside and moved into place, so a reader never gets half a picture.
        var partial = $"{path}.{Guid.NewGuid():N}.part";
        await File.WriteAllBytesAsync(partial, png, cancellationToken);
        File.Move(partial, path, overwrite: true);
        var version = me.AvatarUploaded();
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }
}
