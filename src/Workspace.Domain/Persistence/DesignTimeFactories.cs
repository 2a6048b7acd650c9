using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workspace.Domain.Persistence;

/// <summary>Lets `dotnet ef migrations add` build each provider's context without running the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWorkspaceDb>
{
    public SqliteWorkspaceDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteWorkspaceDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWorkspaceDb>
{
    public PostgresWorkspaceDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresWorkspaceDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
