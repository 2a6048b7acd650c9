using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Audit;

/// <summary>Adds entries to the command's unit of work, so an action and its record commit together.</summary>
public sealed class AuditLog(WorkspaceDb db, TimeProvider clock)
{
    public void Add(User? actor, string action, string target, string detail = "") =>
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), actor?.Id, Name(actor), action, Clip(target, 300),
            Clip(detail, 1000), ClientOrigin.Address));

    private static string Name(User? actor) => actor is null ? "not signed in" : actor.NameAndHandle;

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
