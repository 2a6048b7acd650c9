using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.EventLog;

internal static class EventLogBulk
{
    /// <summary>Eight parameters a row keeps a statement well under every provider's limit (SQLite's is 32,766).</summary>
    private const int RowsPerStatement = 500;

    /// <summary>
    /// Numbers many events and writes them in the caller's transaction, one INSERT per 500, past the change tracker.
    /// Live readers' pointers move once a second (<see cref="Unread.LiveReading"/>): a thousand readers log a thousand
    /// rows each time, and EF Core inserting them one by one was a tenth of a server's core (docs/benchmarks.md, fan-out).
    /// Each value goes through its column's own type mapping, so it is stored exactly as a saved entity's would be.
    /// </summary>
    public static async Task InsertAsync(this WorkspaceDb db, IReadOnlyList<LoggedEvent> events, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Events are numbered in the transaction that writes them: begin one first.");
        if (events.Count == 0)
            return;
        await db.NumberAsync(events, cancellationToken);

        var entity = db.Model.FindEntityType(typeof(LoggedEvent))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var into = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
                   $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
        foreach (var rows in events.Chunk(RowsPerStatement))
        {
            await using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(into);
            for (var row = 0; row < rows.Length; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < columns.Count; column++)
                {
                    var property = columns[column];
                    var name = $"p{row * columns.Count + column}";
                    command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, sql.GenerateParameterName(name),
                        property.PropertyInfo!.GetValue(rows[row]), property.IsNullable));
                    text.Append(column == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                }
                text.Append(')');
            }
            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
