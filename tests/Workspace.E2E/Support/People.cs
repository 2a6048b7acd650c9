namespace Workspace.E2E.Support;

/// <summary>The people the tests sign in as.</summary>
public static class People
{
    public const string WorkspaceName = "Acme";

    public static readonly Person Owner = new("Olivia Owner", "olivia@example.com", "correct horse battery");
    public static readonly Person Member = new("Ben Member", "ben@example.com", "ben's long password");
}

public sealed record Person(string Name, string Email, string Password);
