using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
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

    /// <summary>
    /// The command that runs <paramref name="sql"/> in the context's transaction, without parameters yet. Owned here:
    /// callers do not dispose it. On SQLite one command per statement is kept for as long as its connection stays open,
    /// because SQLite prepares a new command's statement from its text each time, and that parsing and planning cost a
    /// post as much CPU as running its statements, while a command keeps its statement prepared (docs/benchmarks.md,
    /// posts); the group commit's writer keeps its connection open, so every post's statements there are prepared once.
    /// Npgsql prepares by text itself (<see cref="DatabaseSetup"/>), and an auto-prepared command it runs again with new
    /// parameter objects binds the old ones (npgsql issue 3850: the same post inserted twice), so there each call gets
    /// a new command. A statement's reader must be closed before it runs again.
    /// </summary>
    public static DbCommand CreateCommand(this WorkspaceDb db, string sql)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Direct statements run in the caller's transaction: begin one first.");
        var command = Kept.GetValue(transaction.Connection!, connection => new KeptCommands(connection)).For(sql);
        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    private static readonly ConditionalWeakTable<DbConnection, KeptCommands> Kept = new();

    /// <summary>An open connection's commands by text, disposed when it closes.</summary>
    private sealed class KeptCommands
    {
        private readonly DbConnection connection;
        private readonly bool reuse;
        private readonly Dictionary<string, DbCommand> commands = new(StringComparer.Ordinal);

        public KeptCommands(DbConnection connection)
        {
            this.connection = connection;
            reuse = connection is SqliteConnection;
            connection.StateChange += (_, change) =>
            {
                if (change.CurrentState != ConnectionState.Open)
                    Forget();
            };
        }

        public DbCommand For(string sql)
        {
            if (commands.TryGetValue(sql, out var kept))
            {
                if (reuse)
                    return kept;
                kept.Dispose();
            }
            var command = connection.CreateCommand();
            command.CommandText = sql;
            commands[sql] = command;
            return command;
        }

        private void Forget()
        {
            foreach (var command in commands.Values)
                command.Dispose();
            commands.Clear();
        }
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

    /// <summary>
    /// Inserts the rows. On PostgreSQL as many to a statement as the parameter limit allows, each statement a round
    /// trip. On SQLite, which is in process, one row's statement prepared once and run for each row: binding a
    /// statement's n parameters by name costs SQLite n² name comparisons, and a thousand read events a second in
    /// 32-row statements spent more on that than on inserting (docs/benchmarks.md, fan-out).
    /// </summary>
    public static async Task InsertRowsAsync<TEntity>(this WorkspaceDb db, IReadOnlyList<TEntity> rows, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (rows.Count == 0)
            return;
        var insert = ShapeOf<TEntity>(db);
        foreach (var chunk in rows.Chunk(db.Database.IsSqlite() ? 1 : insert.RowsPerStatement))
        {
            var command = db.CreateCommand(insert.Statement(chunk.Length));
            for (var row = 0; row < chunk.Length; row++)
                for (var column = 0; column < insert.Columns.Count; column++)
                {
                    var property = insert.Columns[column];
                    command.AddParameter(property, insert.Parameters[row * insert.Columns.Count + column].Name,
                        property.PropertyInfo!.GetValue(chunk[row]));
                }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Inserts one row whose <paramref name="computed"/> column takes a value the statement itself works out:
    /// <paramref name="with"/> is a <c>WITH</c> clause naming <paramref name="source"/>, which <paramref name="value"/>
    /// reads, so that taking a number and inserting the row with it is one round trip. PostgreSQL only (SQLite allows no
    /// UPDATE in a WITH clause). Answers the computed value.
    /// </summary>
    public static async Task<object?> InsertRowWithAsync<TEntity>(this WorkspaceDb db, TEntity row, string computed, string with,
        string source, string value, CancellationToken cancellationToken) where TEntity : class
    {
        var insert = ShapeOf<TEntity>(db);
        var command = db.CreateCommand(insert.SelectStatement(computed, with, source, value));
        for (var column = 0; column < insert.Columns.Count; column++)
        {
            var property = insert.Columns[column];
            if (property.Name != computed)
                command.AddParameter(property, insert.Parameters[column].Name, property.PropertyInfo!.GetValue(row));
        }
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Each entity's INSERT head, columns and parameter names, worked out once per model.</summary>
    private static readonly PerModel<ConcurrentDictionary<Type, InsertShape>> Inserts = new(() => new());

    private static InsertShape ShapeOf<TEntity>(WorkspaceDb db) =>
        Inserts.For(db).GetOrAdd(typeof(TEntity), (type, context) => new InsertShape(context, type), db);

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
            columnNames = [.. Columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!))];
            head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columnNames)})";
            into = head + " VALUES ";
            RowsPerStatement = Math.Max(1, ParametersPerStatement / Columns.Count);
            Parameters = [.. Enumerable.Range(0, RowsPerStatement * Columns.Count)
                .Select(i => (sql.GenerateParameterName($"p{i}"), sql.GenerateParameterNamePlaceholder($"p{i}")))];
            statements = new string[RowsPerStatement + 1];
        }

        private readonly string[] columnNames;
        private readonly string head;
        private readonly string into;
        private readonly string?[] statements;
        private readonly ConcurrentDictionary<(string, string, string, string), string> selects = new();

        /// <summary>The INSERT of one row from a SELECT over <paramref name="source"/>, <paramref name="computed"/> taking <paramref name="value"/>.</summary>
        public string SelectStatement(string computed, string with, string source, string value) =>
            selects.GetOrAdd((computed, with, source, value), key =>
            {
                var (column, prefix, from, expression) = key;
                var computedAt = Columns.ToList().FindIndex(c => c.Name == column);
                if (computedAt < 0)
                    throw new InvalidOperationException($"{column} is not a column of the table.");
                var values = Enumerable.Range(0, Columns.Count)
                    .Select(i => i == computedAt ? expression : Parameters[i].Placeholder);
                return $"{prefix} {head} SELECT {string.Join(", ", values)} FROM {from} RETURNING {columnNames[computedAt]}";
            });

        /// <summary>The INSERT of <paramref name="rows"/> rows, written once for each count.</summary>
        public string Statement(int rows) => statements[rows] ??= Write(rows);

        private string Write(int rows)
        {
            var text = new StringBuilder(into);
            for (var row = 0; row < rows; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < Columns.Count; column++)
                    text.Append(column == 0 ? "" : ", ").Append(Parameters[row * Columns.Count + column].Placeholder);
                text.Append(')');
            }
            return text.ToString();
        }

        public IReadOnlyList<IProperty> Columns { get; }
        public int RowsPerStatement { get; }

        /// <summary>Each parameter's name and its place in the statement, in row-then-column order.</summary>
        public IReadOnlyList<(string Name, string Placeholder)> Parameters { get; }
    }
}
