using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Workspace.Domain.Admin;
using Workspace.Domain.Audit;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Admin;

public sealed class BackUpWorkspaceTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task BackUpWorkspace_WhilePeopleKeepPosting_ArchiveHoldsAConsistentDatabaseAndTheUploads()
    {
        await using var workspace = await TestWorkspace.CreateAsync(TestWorkspace.Sqlite);
        var channel = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "load", IsPrivate: false), Cancel);
        await workspace.Send.Send(new SetWorkspaceLogo(workspace.OwnerId, OnePixelPng), Cancel);
        for (var i = 0; i < 50; i++)
            await workspace.PostAsync(workspace.OwnerId, channel.Id, $"before the backup {i}");

        using var stop = new CancellationTokenSource();
        var posted = 0;
        var posting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await workspace.PostAsync(workspace.OwnerId, channel.Id, $"during the backup {posted}");
                posted++;
            }
        }, Cancel);
        while (Volatile.Read(ref posted) < 5)
            await Task.Delay(10, Cancel);
        var archive = await workspace.Send.Send(new BackUpWorkspace(workspace.OwnerId), Cancel);
        await stop.CancelAsync();
        await posting;

        var extracted = Path.Combine(workspace.StoragePath, "restored");
        await ZipFile.ExtractToDirectoryAsync(archive, extracted, Cancel);
        File.Delete(archive);
        Assert.True(File.Exists(Path.Combine(extracted, "files", "logo.png")), "the uploads go with the database");
        Assert.False(Directory.Exists(Path.Combine(extracted, "files", SqliteBackup.WorkFolder)), "the backup must not hold itself");

        await using var backup = new SqliteConnection($"Data Source={Path.Combine(extracted, SqliteBackup.DatabaseEntry)};Mode=ReadOnly;Pooling=False");
        await backup.OpenAsync(Cancel);
        Assert.Equal("ok", await ScalarAsync<string>(backup, "PRAGMA integrity_check"));
        var channelId = channel.Id.ToString().ToUpperInvariant();
        var lastSeq = await ScalarAsync<long>(backup, $"SELECT LastSeq FROM channels WHERE Id = '{channelId}'");
        var stored = await ScalarAsync<long>(backup, $"SELECT COUNT(*) FROM messages WHERE ChannelId = '{channelId}'");
        // One commit's view: every message the counter numbered is there, and nothing past it.
        Assert.Equal(lastSeq, stored);
        Assert.InRange(stored, 55, 50 + posted);
        Assert.Equal(50, await ScalarAsync<long>(backup, $"SELECT COUNT(*) FROM messages WHERE Text LIKE 'before the backup %'"));

        var entry = Assert.Single((await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, AuditActions.WorkspaceBackedUp), Cancel)).Entries);
        Assert.Equal("Acme", entry.Target);
    }

    [Fact]
    public async Task WriteDatabaseAsync_WhenTheTargetExists_ReplacesItWithAnOpenableCopy()
    {
        await using var workspace = await TestWorkspace.CreateAsync(TestWorkspace.Sqlite);
        await workspace.PostAsync(workspace.OwnerId, await workspace.GeneralIdAsync(), "kept");
        var target = Path.Combine(workspace.StoragePath, "nightly.db");
        Directory.CreateDirectory(workspace.StoragePath);
        await File.WriteAllTextAsync(target, "yesterday's backup", Cancel);

        await workspace.QueryDbAsync(db => SqliteBackup.WriteDatabaseAsync(db, target, Cancel).ContinueWith(_ => 0, Cancel));

        await using var backup = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await backup.OpenAsync(Cancel);
        Assert.Equal(1, await ScalarAsync<long>(backup, "SELECT COUNT(*) FROM messages WHERE Text = 'kept'"));
        Assert.Single(Directory.GetFiles(workspace.StoragePath));
    }

    [Fact]
    public async Task BackUpWorkspace_OnPostgres_PointsToPgDump()
    {
        await using var workspace = await TestWorkspace.CreateAsync(TestWorkspace.Postgres);

        var refused = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new BackUpWorkspace(workspace.OwnerId), Cancel));

        Assert.Contains("pg_dump", refused.Message);
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync(Cancel))!, typeof(T));
    }
}
