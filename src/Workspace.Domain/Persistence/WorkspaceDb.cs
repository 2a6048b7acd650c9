using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Workspace.Domain.Audit;
using Workspace.Domain.Channels;
using Workspace.Domain.EventLog;
using Workspace.Domain.Integrations;
using Workspace.Domain.Members;
using Workspace.Domain.Mentions;
using Workspace.Domain.Messages;
using Workspace.Domain.Profiles;
using Workspace.Domain.Reactions;
using Workspace.Domain.Setup;
using Workspace.Domain.Threads;

namespace Workspace.Domain.Persistence;

/// <remarks>
/// It keeps the data-protection keys too (cookies, antiforgery tokens): every node of a workspace reads the same ones,
/// and a container made anew from its volume keeps everyone signed in.
/// </remarks>
public abstract class WorkspaceDb(DbContextOptions options) : IdentityDbContext<User, IdentityRole<Guid>, Guid>(options),
    IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
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
    public DbSet<LoggedEvent> EventLog => Set<LoggedEvent>();
    public DbSet<EventLogHead> EventLogHead => Set<EventLogHead>();

    /// <summary>
    /// What this context tracks of one entity type, to find a tracked copy by key or name before querying. Unlike
    /// <c>DbSet.Local</c> it does not first scan every tracked entity for changes (5 % of an API post's CPU, with the
    /// actor, channel and membership looked up several times per command): keys never change, so the identity map
    /// answers a lookup by key without it, and a lookup by a property reads the entity's current value anyway.
    /// </summary>
    internal LocalView<TEntity> Tracked<TEntity>() where TEntity : class
    {
        if (!ChangeTracker.AutoDetectChangesEnabled)
            return Set<TEntity>().Local;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return Set<TEntity>().Local;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    private readonly List<LoggedEvent> unsavedEvents = [];
    private int unsavedEventsLease;

    /// <summary>
    /// Records an event with the next save. Events are numbered there, in the same transaction as the change they record
    /// (one is opened when the caller has none), so no handler can save an event without its commit-ordered id.
    /// </summary>
    public void Log(LoggedEvent loggedEvent)
    {
        ForgetEarlierLeases();
        unsavedEvents.Add(loggedEvent);
    }

    /// <summary>
    /// Contexts are pooled, and the pool resets only what EF Core tracks: events a failed command noted but never saved
    /// belong to that command's lease, and must never be saved by the next one.
    /// </summary>
    private void ForgetEarlierLeases()
    {
        if (unsavedEventsLease == ContextId.Lease)
            return;
        unsavedEvents.Clear();
        unsavedEventsLease = ContextId.Lease;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ForgetEarlierLeases();
        if (unsavedEvents.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is not null)
            return await SaveWithEventsAsync(acceptAllChangesOnSuccess, cancellationToken);
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var saved = await SaveWithEventsAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    private async Task<int> SaveWithEventsAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var events = unsavedEvents.ToList();
        unsavedEvents.Clear();
        await this.NumberAsync(events, cancellationToken);
        EventLog.AddRange(events);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ForgetEarlierLeases();
        return unsavedEvents.Count > 0
            ? throw new InvalidOperationException("Events are numbered asynchronously: save them with SaveChangesAsync.")
            : base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WorkspaceDb).Assembly);
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
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
