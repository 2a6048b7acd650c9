namespace Workspace.Domain.Audit;

/// <summary>
/// The network address of whoever the current request or circuit event came from, set by the host around each
/// one. Ambient so that commands need not carry it: only the audit log reads it.
/// </summary>
public static class ClientOrigin
{
    private static readonly AsyncLocal<string?> Current = new();

    public static string? Address
    {
        get => Current.Value;
        set => Current.Value = value;
    }
}
