namespace Workspace.Domain.Common;

/// <summary>A rule of the product was broken. The message is written for the person who tried.</summary>
public class DomainException(string message) : Exception(message);

/// <summary>
/// The thing does not exist or the actor may not know that it does: both read the same, so a denial never
/// reveals whether a private channel exists.
/// </summary>
public sealed class NotFoundException(string message) : DomainException(message);

/// <summary>The thing existed but is no longer kept (past its retention): asking again will not help.</summary>
public sealed class GoneException(string message) : DomainException(message);

/// <summary>The actor can see the thing but may not do this to it.</summary>
public sealed class ForbiddenException(string message) : DomainException(message)
{
    /// <summary>What someone signed out, unknown or deactivated reads, whatever they tried.</summary>
    public const string SignIn = "Sign in to continue.";

    public bool NeedsSignIn => Message == SignIn;
}

/// <summary>The input's shape is wrong (too long, empty, malformed); nothing was changed.</summary>
public sealed class InvalidInputException(IReadOnlyList<string> errors) : DomainException(string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
