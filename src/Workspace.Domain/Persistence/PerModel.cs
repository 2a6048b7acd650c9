using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Workspace.Domain.Persistence;

/// <summary>
/// A compiled query (<c>EF.CompileAsyncQuery</c>) for whichever model the context has. EF Core binds a compiled query
/// to the first model it runs with; a deployment has one, but one process can hold two (the tests run SQLite and
/// PostgreSQL side by side), so each model gets its own.
/// </summary>
internal sealed class PerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> compiled = [];
    // Held once: a lambda written at the call would be a new delegate on every lookup, and lookups are per command.
    private readonly ConditionalWeakTable<IModel, TQuery>.CreateValueCallback create = _ => compile();

    public TQuery For(DbContext db) => compiled.GetValue(db.Model, create);
}
