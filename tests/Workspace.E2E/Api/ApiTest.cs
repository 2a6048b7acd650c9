using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Domain.Members;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Profiles;
using Workspace.Domain.Setup;
using Workspace.E2E.Support;

namespace Workspace.E2E.Api;

/// <summary>
/// The API as an integration sees it: the real app on a loopback port, reached over HTTP with personal access
/// tokens. The workspace and its people are made through the domain, as the pages would make them.
/// </summary>
public abstract class ApiTest : IAsyncLifetime
{
    protected const string Password = "a long enough password";

    protected WorkspaceServer Server { get; set; } = default!;
    protected Sender Send => Server.Services.GetRequiredService<Sender>();
    protected Guid OwnerId { get; private set; }

    /// <summary>Configuration for this class's servers (tests of other things post and call as fast as they like).</summary>
    protected virtual (string Key, string Value)[] Settings => [];

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        Server = await Task.Run(() => WorkspaceServer.Start(Settings), Cancel);
        OwnerId = await Send.Send(new SetUpWorkspace(People.WorkspaceName, People.Owner.Name, People.Owner.Email, People.Owner.Password), Cancel);
    }

    protected async Task<Guid> JoinAsync(string name, WorkspaceRole role = WorkspaceRole.Member, params Guid[] channels)
    {
        var invite = await Send.Send(new CreateInvite(OwnerId, Role: role, ChannelIds: channels), Cancel);
        return await Send.Send(new AcceptInvite(invite.Token, name, $"{Guid.NewGuid():N}@example.com", Password), Cancel);
    }

    /// <summary>An HTTP client carrying a new personal access token of <paramref name="userId"/>.</summary>
    protected async Task<HttpClient> ClientForAsync(Guid userId)
    {
        var token = await Send.Send(new CreateAccessToken(userId, $"test {Guid.NewGuid():N}"), Cancel);
        return ClientWith(token.Token);
    }

    protected HttpClient ClientWith(string? token)
    {
        var client = new HttpClient { BaseAddress = Server.BaseAddress };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The problem details of a refused call, checked to be RFC 9457 JSON with the status it came with.</summary>
    protected static async Task<Problem> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Problem>(Cancel);
        Assert.NotNull(problem);
        Assert.Equal((int)response.StatusCode, problem.Status);
        return problem;
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected sealed record Problem(int Status, string? Title, string? Detail, IReadOnlyList<string>? Errors = null);
}
