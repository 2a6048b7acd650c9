using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Workspace.Domain;
using Workspace.Domain.Common;
using Workspace.Domain.Integrations;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Retention;
using Workspace.Web.Api;
using Workspace.Web.Components;
using Workspace.Web.Components.Shared;
using Workspace.Web.Hosting;

ArrayPoolCapacity.Raise();
if (args.Contains(HealthProbe.Argument))
    return await HealthProbe.RunAsync();
if (args.Contains(BackupCommandLine.Argument))
    return await BackupCommandLine.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);

// `dotnet run` serves the framework's and the components' assets from the build output in every environment;
// a published app has them in wwwroot and this does nothing.
builder.WebHost.UseStaticWebAssets();

builder.Services
    .AddWorkspaceDomain(DatabaseSetup.ProviderFrom(builder.Configuration), builder.Configuration.GetConnectionString("Workspace"),
        DatabaseSetup.SqliteSynchronousFrom(builder.Configuration))
    .AddSignInManager();
builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme)
    .AddScheme<AuthenticationSchemeOptions, BearerTokenAuthentication>(BearerTokenAuthentication.SchemeName, null)
    .AddIdentityCookies();
builder.Services.AddDataProtection().PersistKeysToDbContext<WorkspaceDb>().SetApplicationName("Workspace");
builder.Services.AddHostedService<OtherNodes>();
builder.Services.AddProblemDetails();
builder.Services.ConfigureApplicationCookie(cookie =>
{
    cookie.Cookie.Name = "workspace.session";
    cookie.LoginPath = "/login";
    // Someone signed in who may not see a page gets a plain 403, which reads like "not found" (see NotFound.razor).
    cookie.Events.OnRedirectToAccessDenied = context =>
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
    cookie.Events.OnValidatePrincipal = SessionCheck.ValidatePrincipalAsync;
    cookie.ExpireTimeSpan = TimeSpan.FromDays(30);
    cookie.SlidingExpiration = true;
});
// Every request checks the cookie's security stamp, so deactivating someone or changing a password ends their
// other sessions at once rather than within the default 30 minutes. One indexed lookup per request.
builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
builder.Services.Configure<EventStreamOptions>(builder.Configuration.GetSection(EventStreamOptions.Section));
builder.Services.Configure<OutgoingWebhookOptions>(builder.Configuration.GetSection(OutgoingWebhookOptions.Section));
builder.Services.AddHostedService<OutgoingWebhookWorker>();
builder.Services.Configure<RetentionOptions>(builder.Configuration.GetSection(RetentionOptions.Section));
builder.Services.AddHostedService<RetentionWorker>();
builder.Services.AddHostedService<LiveReadingWriter>();
builder.Services.AddApiRateLimits();
builder.Services.AddApiDocument();
builder.Services.AddAuthorization(options => options.AddPolicy(AdminPolicy.Name, AdminPolicy.Build()));
builder.Services.AddSingleton<IAuthorizationHandler, AdminRequirementHandler>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents(circuit =>
    {
        // A dropped connection (a laptop lid, a train tunnel) resumes its page within this long...
        circuit.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
        // ...and each held circuit keeps its components in memory, so cap how many wait at once.
        circuit.DisconnectedCircuitMaxRetained = 100;
        // Our JS calls are small and local (focus, scroll, clipboard); one still pending after this is a stuck tab.
        circuit.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);
        // Renders a slow client has not acknowledged pile up in server memory; past this the circuit waits for it.
        circuit.MaxBufferedUnacknowledgedRenderBatches = 10;
    })
    // A message of the maximum length, in any script, must fit in one circuit message.
    .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 256 * 1024);
builder.Services.AddSingleton<SetupGate>();
builder.Services.AddSingleton<Readiness>();
builder.Services.AddWorkspaceTelemetry(builder.Configuration);
builder.Services.AddScoped<ActiveChannel>();
builder.Services.AddScoped<CircuitHandler, PresenceCircuitHandler>();
builder.Services.AddScoped<CircuitHandler, ClientOriginCircuitHandler>();

var app = builder.Build();

await DatabaseSetup.MigrateAsync(app.Services);

app.UseMiddleware<SecurityHeaders>();
if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseMiddleware<ApiRequests>();
app.UseMiddleware<ClientOriginMiddleware>();
app.UseMiddleware<SetupGate>();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.UseApiDocsPage();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapProfileEndpoints();
app.MapApiEndpoints();
app.MapWebhookEndpoints();
app.MapOpenApi();
app.MapHealthEndpoints();
app.MapBackupEndpoints();
app.MapMetricsEndpoint();
app.MapDiagnosticsEndpoints();

await app.RunAsync();
return 0;

public partial class Program;
