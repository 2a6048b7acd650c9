using System.Runtime.CompilerServices;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Tests.Durability;

/// <summary>
/// This suite runs SQLite as the app does, in its multi-thread mode (<see cref="SqliteThreading"/>): chosen before the
/// process opens its first connection, so every test here, the concurrent posting ones included, runs in it.
/// </summary>
public static class SqliteThreadingTests
{
    [ModuleInitializer]
    internal static void ChooseTheModeBeforeAnyConnectionOpens() => SqliteThreading.UseMultiThreadMode();

    [Fact]
    public static void SqliteRunsInMultiThreadMode() => Assert.True(SqliteThreading.UseMultiThreadMode());
}
