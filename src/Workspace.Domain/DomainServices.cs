using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.EventLog;
using Workspace.Domain.Integrations;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;
using Workspace.Domain.Retention;
using Workspace.Domain.Unread;

namespace Workspace.Domain;

public static class DomainServices
{
    public static IdentityBuilder AddWorkspaceDomain(this IServiceCollection services, DatabaseProvider provider,
        string? connectionString, SqliteSynchronous synchronous = SqliteSynchronous.Normal)
    {
        services.AddWorkspaceDatabase(provider, connectionString, synchronous);
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
                [typeof(PublishEventsBehavior<,>), typeof(AuthorizationBehavior<,>), typeof(RateLimitBehavior<,>), typeof(ValidationBehavior<,>)];
        });
        services.AddValidatorsFromAssemblyContaining<Sender>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<PendingEvents>();
        services.AddScoped<NewMembers>();
        services.AddScoped<AuditLog>();
        services.AddOptions<StorageOptions>();
        services.AddOptions<OutgoingWebhookOptions>();
        services.AddOptions<RetentionOptions>();
        services.AddScoped<RetentionSweep>();
        services.AddSingleton<OutgoingHttp>();
        services.AddSingleton<OutgoingDispatcher>();
        services.AddSingleton<InProcessChatEvents>();
        // Only SQLite's one process hears of every change as it is made (see SidebarCache).
        services.AddSingleton(new SidebarCache(enabled: provider == DatabaseProvider.Sqlite));
        if (provider == DatabaseProvider.Postgres)
        {
            // Nodes sharing the database hear each other's events.
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<PostgresChatEvents>(sp, connectionString!));
            services.AddSingleton<IChatEvents>(sp => sp.GetRequiredService<PostgresChatEvents>());
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SharedPresence>(sp, connectionString!));
            services.AddSingleton(sp => new Presence(sp.GetRequiredService<SharedPresence>()));
        }
        else
        {
            services.AddSingleton<IChatEvents>(sp =>
                new SidebarCachingEvents(sp.GetRequiredService<InProcessChatEvents>(), sp.GetRequiredService<SidebarCache>()));
            services.AddSingleton(new Presence());
        }
        services.AddSingleton<EventLogTail>();
        services.AddSingleton<LiveReading>();
        services.AddMetrics();
        services.AddSingleton<WorkspaceMetrics>();
        services.AddSingleton<RateLimits>();
        services.AddSingleton<Sender>();
        services.AddSingleton<GroupCommit>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<IUserConfirmation<User>, ActiveAccounts>();
        return services
            .AddIdentityCore<User>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // "Confirmed" means not deactivated here (see ActiveAccounts).
                options.SignIn.RequireConfirmedAccount = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<WorkspaceDb>();
    }
}
