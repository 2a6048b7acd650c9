using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Profiles;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Hosting;

public static class ProfileEndpoints
{
    public static void MapProfileEndpoints(this IEndpointRouteBuilder app)
    {
        // Shown on the sign-in page too, so anyone may fetch it; links carry ?v={logo version} like avatars.
        app.MapGet("/logo.png", (IOptions<StorageOptions> storage, HttpContext context) =>
        {
            var path = storage.Value.LogoFile();
            if (!File.Exists(path))
                return Results.NotFound();
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.File(path, "image/png");
        });

        // Links carry ?v={avatar version}, so one URL always means the same picture and browsers may keep it.
        app.MapGet("/avatars/{userId:guid}.png", (Guid userId, IOptions<StorageOptions> storage, HttpContext context) =>
        {
            var path = storage.Value.AvatarFile(userId);
            if (!File.Exists(path))
                return Results.NotFound();
            context.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
            return Results.File(path, "image/png");
        }).RequireAuthorization();

        // A plain form post: the new password ends every other session (their security stamp no longer matches) and
        // this browser is signed in again with the new stamp. The command runs in the request's own scope: the cookie
        // check has already loaded the account there, and a change made in another scope would leave that copy, with
        // its old stamp, to be written into the renewed cookie.
        app.MapPost("/account/password", async ([FromForm] string? currentPassword, [FromForm] string? newPassword,
            HttpContext context, IMediator mediator, UserManager<User> users, SignInManager<User> signIn) =>
        {
            if (Viewer.IdFrom(context.User) is not { } userId)
                return Results.LocalRedirect("/login");
            try
            {
                await mediator.Send(new ChangePassword(userId, currentPassword ?? "", newPassword ?? ""), context.RequestAborted);
            }
            catch (InvalidInputException)
            {
                return Results.LocalRedirect($"/profile?password={PasswordOutcome.Invalid}");
            }
            catch (ForbiddenException)
            {
                return Results.LocalRedirect("/login");
            }
            catch (DomainException)
            {
                return Results.LocalRedirect($"/profile?password={PasswordOutcome.Wrong}");
            }
            await signIn.RefreshSignInAsync((await users.FindByIdAsync(userId.ToString()))!);
            return Results.LocalRedirect($"/profile?password={PasswordOutcome.Changed}");
        }).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
    }
}

/// <summary>
/// What the password form's answer says, carried back to the profile page as a word in its address; the page holds the
/// sentences, so a crafted link cannot make it say anything else.
/// </summary>
public static class PasswordOutcome
{
    public const string Changed = "changed";
    public const string Wrong = "wrong";
    public const string Invalid = "invalid";

    public static (string Text, bool IsError)? Message(string? outcome) => outcome switch
    {
        Changed => ("Your password was changed. Your other sessions are signed out.", false),
        Wrong => (ChangePasswordHandler.WrongPassword, true),
        Invalid => (ChangePasswordHandler.PasswordRules, true),
        _ => null,
    };
}
