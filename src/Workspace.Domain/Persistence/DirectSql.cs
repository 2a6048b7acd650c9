using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Workspace.Domain.Persistence;

/// <summary>
/// Statements sent on the context's connection, in its transaction, past EF Core's query and change-tracking pipeline:
/// for what every post does (taking its numbers, inserting its rows), where that pipeline cost more than the
/// statements themselves (docs/benchmarks.md, posts). Each value goes through its column's own type mapping, so a row
/// is stored exactly as a saved entity's would be; the rows are not tracked afterwards.
/// </summary>
internal static class DirectSql
{
    /// <summary>
    /// Parameters per statement. Microsoft.Data.Sqlite binds each parameter by name, and SQLite finds a name by walking
    /// the statement's list of names, so binding n parameters costs n²: a thousand read events in 4,000-parameter
    /// statements were an eighth of a server's core in string comparisons (docs/benchmarks.md, fan-out).
    /// </summary>
    public const int ParametersPerStatement = 256;

    public static DbCommand CreateCommand(this WorkspaceDb db, string sql)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Direct statements run in the caller's transaction: begin one first.");
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Adds <paramref name="value"/> as the parameter <paramref name="name"/>, converted as <paramref name="column"/> stores it.</summary>
    public static void AddParameter(this DbCommand command, IProperty column, string name, object? value) =>
        command.Parameters.Add(column.GetRelationalTypeMapping().CreateParameter(command, name, value, column.IsNullable));

    /// <summary>The column <typeparamref name="TEntity"/>.<paramref name="property"/> is stored in, for <see cref="AddParameter"/>.</summary>
    public static IProperty Column<TEntity>(this WorkspaceDb db, string property) =>
        db.Model.FindEntityType(typeof(TEntity))?.FindProperty(property)
        ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{property} is not a column of the model.");

    /// <summary>The provider's spelling of a parameter's name and of its place in a statement.</summary>
    public static (string Name, string Placeholder) Parameter(this WorkspaceDb db, string name)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        return (sql.GenerateParameterName(name), sql.GenerateParameterNamePlaceholder(name));
    }

    /// <summary>Inserts the rows, as many to a statement as the parameter limit allows.</summary>
    public static async Task InsertRowsAsync<TEntity>(this WorkspaceDb db, IReadOnlyList<TEntity> rows, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (rows.Count == 0)
            return;
        var insert = Inserts.For(db).GetOrAdd(typeof(TEntity), (type, context) => new InsertShape(context, type), db);
        foreach (var chunk in rows.Chunk(insert.RowsPerStatement))
        {
            await using var command = db.CreateCommand("");
            var text = new StringBuilder(insert.Into);
            for (var row = 0; row < chunk.Length; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < insert.Columns.Count; column++)
                {
                    var property = insert.Columns[column];
                    var (name, placeholder) = insert.Parameters[row * insert.Columns.Count + column];
                    command.AddParameter(property, name, property.PropertyInfo!.GetValue(chunk[row]));
                    text.Append(column == 0 ? "" : ", ").Append(placeholder);
                }
                text.Append(')');
            }
            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Each entity's INSERT head, columns and parameter names, worked out once per model.</summary>
    private static readonly PerModel<ConcurrentDictionary<Type, InsertShape>> Inserts = new(() => new());

    private sealed class InsertShape
    {
        public InsertShape(WorkspaceDb db, Type type)
        {
            var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not an entity of the model.");
            var sql = db.GetService<ISqlGenerationHelper>();
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            Columns = entity.GetProperties().ToList();
            if (Columns.FirstOrDefault(c => c.PropertyInfo is null) is { } shadow)
                throw new InvalidOperationException($"{entity.DisplayName()}.{shadow.Name} has no property to read it from.");
            Into = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
                   $"({string.Join(", ", Columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
            RowsPerStatement = Math.Max(1, ParametersPerStatement / Columns.Count);
            Parameters = [.. Enumerable.Range(0, RowsPerStatement * Columns.Count)
                .Select(i => (sql.GenerateParameterName($"p{i}"), sql.GenerateParameterNamePlaceholder($"p{i}")))];
        }

        public IReadOnlyList<IProperty> Columns { get; }
        public string Into { get; }
        public int RowsPerStatement { get; }

        /// <summary>Each parameter's name and its place in the statement, in row-then-column order.</summary>
        public IReadOnlyList<(string Name, string Placeholder)> Parameters { get; }
    }
}
