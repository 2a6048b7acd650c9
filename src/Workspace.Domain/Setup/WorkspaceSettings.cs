namespace Workspace.Domain.Setup;

/// <summary>The one row that says the workspace exists, and what it is called.</summary>
public sealed class WorkspaceSettings
{
    public const int SingletonId = 1;
    public const int MaxNameLength = 80;

    private WorkspaceSettings() { }

    public WorkspaceSettings(string name, DateTimeOffset createdAt)
    {
        Id = SingletonId;
        Name = name.Trim();
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}
