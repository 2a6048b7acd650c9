using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Integrations;

/// <summary>
/// An admin uploads a bot's picture, kept and served like a person's photo. Returns the new avatar version.
/// </summary>
public sealed record SetBotAvatar(Guid ActorId, Guid BotId, byte[] Content) : ICommand<long>, IActorRequest;

public sealed class SetBotAvatarValidator : AbstractValidator<SetBotAvatar>
{
    public SetBotAvatarValidator() =>
        RuleFor(c => c.Content.Length).PictureSize().OverridePropertyName(nameof(SetBotAvatar.Content));
}

public sealed class SetBotAvatarHandler(WorkspaceDb db, AuditLog audit, IOptions<StorageOptions> storage)
    : ICommandHandler<SetBotAvatar, long>
{
    public async ValueTask<long> Handle(SetBotAvatar command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var bot = await db.Users.SingleOrDefaultAsync(u => u.Id == command.BotId && u.Role == WorkspaceRole.Bot, cancellationToken)
            ?? throw new NotFoundException("There is no such bot.");
        var png = SquarePictures.ToPng(command.Content);
        await StorageOptions.WriteAtomicallyAsync(storage.Value.AvatarFile(bot.Id), png, cancellationToken);
        var version = bot.AvatarUploaded();
        audit.Add(actor, AuditActions.BotAvatarChanged, bot.NameAndHandle);
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }
}
