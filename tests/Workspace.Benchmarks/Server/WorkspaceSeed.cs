using System.Diagnostics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workspace.Domain;
using Workspace.Domain.Admin;
using Workspace.Domain.Channels;
using Workspace.Domain.Members;
using Workspace.Domain.Messages;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Profiles;
using Workspace.Domain.Setup;

namespace Workspace.Benchmarks.Server;

/// <summary>Someone the generator acts for: an API token for the event stream and a session cookie for pages.</summary>
public sealed record SignedInPerson(Guid Id, string Token, string Cookie);

/// <summary>
/// A SQLite workspace made through the domain's own commands, as the app makes it: an owner, 50 channels that every
/// newcomer joins (#general and 49 defaults, so each sidebar lists 50), 50 messages of history in #general, and
/// any number of people, each with an API token and a session cookie.
/// </summary>
public sealed class WorkspaceSeed : IAsyncDisposable
{
    public const string Channel = "general";
    /// <summary>A channel holding exactly <see cref="HistoryMessages"/> messages, for pages that must show just those.</summary>
    public const string HistoryChannel = "room-01";
    public const string CookieName = "workspace.session";
    public const int SidebarChannels = 50;
    public const int HistoryMessages = 50;

    private readonly string directory;

    private WorkspaceSeed(string directory, SignedInPerson owner, IReadOnlyList<SignedInPerson> people, TimeSpan took)
    {
        this.directory = directory;
        Owner = owner;
        People = people;
        Took = took;
    }

    public SignedInPerson Owner { get; }
    public IReadOnlyList<SignedInPerson> People { get; }
    public TimeSpan Took { get; }

    public (string Key, string Value)[] Settings =>
    [
        ("Database:Provider", "Sqlite"),
        ("ConnectionStrings:Workspace", $"Data Source={Path.Combine(directory, "workspace.db")}"),
        ("Storage:Path", Path.Combine(directory, "files")),
        // The sender posts 10 a second for longer than the default burst allows, and every subscriber is an API caller.
        ("RateLimits:MessageBurst", "1000000"),
        ("RateLimits:MessagesPerSecond", "1000000"),
        ("RateLimits:ApiRequestsPerMinute", "1000000"),
    ];

    public static string HistoryText(int n) => $"History message {n}: the **quick** brown fox jumps over the lazy dog.";

    public static async Task<WorkspaceSeed> CreateAsync(int people, CancellationToken cancel)
    {
        var took = Stopwatch.StartNew();
        var directory = Directory.CreateTempSubdirectory("workspace-bench-").FullName;
        await using var services = Services(Path.Combine(directory, "workspace.db"));
        await DatabaseSetup.MigrateAsync(services, cancel);
        var send = services.GetRequiredService<Sender>();

        var ownerId = await send.Send(new SetUpWorkspace("Bench", "Olivia Owner", "owner@bench.test", Password), cancel);
        var defaults = new List<Guid>();
        for (var i = 1; i < SidebarChannels; i++)
            defaults.Add((await send.Send(new CreateChannel(ownerId, $"room-{i:00}", IsPrivate: false), cancel)).Id);
        var settings = await send.Send(new GetWorkspaceSettings(ownerId), cancel);
        await send.Send(new UpdateWorkspaceSettings(ownerId, settings.Name, settings.Description, defaults, settings.ChannelCreation,
            settings.BroadcastMentions, settings.EditWindowMinutes, settings.DeleteWindowMinutes), cancel);
        foreach (var name in new[] { Channel, HistoryChannel })
        {
            var channel = (await send.Send(new OpenChannel(ownerId, name), cancel)).Id;
            for (var i = 1; i <= HistoryMessages; i++)
                await send.Send(new PostMessage(ownerId, channel, HistoryText(i), Guid.NewGuid()), cancel);
        }

        var seeded = new List<SignedInPerson>(people);
        for (var i = 0; i < people; i++)
        {
            var invite = await send.Send(new CreateInvite(ownerId), cancel);
            var id = await send.Send(new AcceptInvite(invite.Token, $"Person {i:0000}", $"person{i:0000}@bench.test", Password), cancel);
            seeded.Add(await PersonAsync(services, send, id, cancel));
        }
        var owner = await PersonAsync(services, send, ownerId, cancel);
        SqliteConnection.ClearAllPools();
        return new WorkspaceSeed(directory, owner, seeded, took.Elapsed);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private const string Password = "a long enough password";

    private static ServiceProvider Services(string file)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddWorkspaceDomain(DatabaseProvider.Sqlite, $"Data Source={file}").AddSignInManager();
        // Hashing a thousand passwords at the production cost would take minutes, and nobody signs in with them: pages
        // get a session cookie below. The stored hash names its own cost, so the app would still verify it.
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1);
        services.Configure<RateLimitOptions>(options => options.MessageBurst = int.MaxValue);
        services.AddHttpContextAccessor();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        // The app's own key ring, in the same database: a cookie protected here is one the app accepts.
        services.AddDataProtection().PersistKeysToDbContext<WorkspaceDb>().SetApplicationName("Workspace");
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// A session cookie as signing in makes it: the principal the sign-in manager builds (with the security stamp the
    /// app checks on every request), in a ticket protected by the cookie scheme's own format.
    /// </summary>
    private static async Task<SignedInPerson> PersonAsync(ServiceProvider services, Sender send, Guid id, CancellationToken cancel)
    {
        var token = (await send.Send(new CreateAccessToken(id, "bench"), cancel)).Token;
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<User>>();
        var principal = await signIn.CreateUserPrincipalAsync((await users.FindByIdAsync(id.ToString()))!);
        var now = DateTimeOffset.UtcNow;
        var ticket = new AuthenticationTicket(principal,
            new AuthenticationProperties { IsPersistent = true, IssuedUtc = now, ExpiresUtc = now.AddDays(1) }, IdentityConstants.ApplicationScheme);
        var cookie = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        return new SignedInPerson(id, token, cookie.TicketDataFormat.Protect(ticket));
    }
}
