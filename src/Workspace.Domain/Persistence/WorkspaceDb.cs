using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Workspace.Domain.Audit;
using Workspace.Domain.Channels;
using Workspace.Domain.Integrations;
using Workspace.Domain.Members;
using Workspace.Domain.Mentions;
using Workspace.Domain.Messages;
using Workspace.Domain.Profiles;
using Workspace.Domain.Reactions;
using Workspace.Domain.Setup;
using Workspace.Domain.Threads;

namespace Workspace.Domain.Persistence;

public abstract class WorkspaceDb(DbContextOptions options) : IdentityDbContext<User, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<WorkspaceSettings> Settings => Set<WorkspaceSettings>();
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Invite> Invites => Set<Invite>();
    public DbSet<Reaction> Reactions => Set<Reaction>();
    public DbSet<Mention> Mentions => Set<Mention>();
    public DbSet<ThreadFollow> ThreadFollows => Set<ThreadFollow>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PasswordReset> PasswordResets => Set<PasswordReset>();
    public DbSet<IncomingWebhook> IncomingWebhooks => Set<IncomingWebhook>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<OutgoingWebhook> OutgoingWebhooks => Set<OutgoingWebhook>();
    public DbSet<OutgoingDelivery> OutgoingDeliveries => Set<OutgoingDelivery>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WorkspaceDb).Assembly);
    }
}

/// <summary>SQLite: its own migrations, and times stored as numbers so that they sort and compare in SQL.</summary>
public sealed class SqliteWorkspaceDb(DbContextOptions<SqliteWorkspaceDb> options) : WorkspaceDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        conventions.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresWorkspaceDb(DbContextOptions<PostgresWorkspaceDb> options) : WorkspaceDb(options);
