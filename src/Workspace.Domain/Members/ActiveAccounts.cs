using Microsoft.AspNetCore.Identity;

namespace Workspace.Domain.Members;

/// <summary>Identity asks this before every sign-in: a deactivated account is refused even with the right password.</summary>
public sealed class ActiveAccounts : IUserConfirmation<User>
{
    public Task<bool> IsConfirmedAsync(UserManager<User> manager, User user) => Task.FromResult(user.IsActive);
}
