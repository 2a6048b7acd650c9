using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Durability;

public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task CommandThatFailedInsideItsTransaction_LetsTheNextWriterIn()
    {
        await using var workspace = await TestWorkspace.CreateAsync(TestWorkspace.Sqlite);

        // A second context stays leased throughout, so the failed command's pooled context is not the one that writes next.
        await workspace.QueryDbAsync(async other =>
        {
            await FailInsideATransactionAsync(workspace);
            return await WriteTopicAsync(other);
        });

        Assert.Equal("Company news", await TopicAsync(workspace));
    }

    [Fact]
    public async Task CommandThatFailedInASharedScope_LetsTheNextWriterInBeforeTheScopeEnds()
    {
        await using var workspace = await TestWorkspace.CreateAsync(TestWorkspace.Sqlite);

        // The shared scope stays open throughout, as an API call's does while it writes its refusal.
        await using (workspace.Send.ShareOneScope())
        {
            await FailInsideATransactionAsync(workspace);
            await workspace.QueryDbAsync(WriteTopicAsync);
        }

        Assert.Equal("Company news", await TopicAsync(workspace));
    }

    /// <summary>The unique index refuses the name inside the save's own transaction.</summary>
    private static async Task FailInsideATransactionAsync(TestWorkspace workspace) =>
        await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "general", IsPrivate: false), TestContext.Current.CancellationToken));

    /// <summary>Another context's write: a hold the failed command kept would make it wait out the connection's 30 s timeout.</summary>
    private static async Task<bool> WriteTopicAsync(WorkspaceDb other)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        await using var transaction = await other.Database.BeginTransactionAsync(deadline.Token);
        await other.Channels.Where(c => c.Name == Channel.General)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Topic, "Company news"), deadline.Token);
        await transaction.CommitAsync(deadline.Token);
        return true;
    }

    private static Task<string> TopicAsync(TestWorkspace workspace) =>
        workspace.QueryDbAsync(db => db.Channels.Where(c => c.Name == Channel.General)
            .Select(c => c.Topic).SingleAsync(TestContext.Current.CancellationToken));
}
