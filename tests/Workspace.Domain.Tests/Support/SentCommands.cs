using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Workspace.Domain.Tests.Support;

/// <summary>
/// The statements EF Core runs, counted from its log (<see cref="RelationalEventId.CommandExecuted"/>): how many
/// round trips a request makes. Statements sent past EF Core (<c>DirectSql</c>) are not counted.
/// </summary>
public sealed class SentCommands : ILoggerProvider
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public ILogger CreateLogger(string categoryName) =>
        categoryName == DbLoggerCategory.Database.Command.Name ? new Counter(this) : Ignored.Instance;

    public void Dispose()
    {
    }

    private sealed class Counter(SentCommands owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == RelationalEventId.CommandExecuted.Id)
                Interlocked.Increment(ref owner.count);
        }
    }

    private sealed class Ignored : ILogger
    {
        public static readonly Ignored Instance = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
