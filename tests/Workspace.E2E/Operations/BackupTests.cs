using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Operations;

public sealed class BackupTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DownloadBackup_ByAnAdmin_SavesAZipWhoseDatabaseHoldsTheMessages()
    {
        var (owner, _) = await OwnerAndMemberAsync();
        await owner.PostAsync("general", "Kept in the backup");
        await owner.OpenAdminAsync("Backup");

        var download = await owner.RunAndWaitForDownloadAsync(() => owner.Button("Download backup").ClickAsync());

        Assert.Matches(@"^workspace-backup-\d{4}-\d{2}-\d{2}-\d{6}\.zip$", download.SuggestedFilename);
        var folder = Directory.CreateTempSubdirectory("workspace-e2e-backup-");
        try
        {
            var archive = Path.Combine(folder.FullName, download.SuggestedFilename);
            await download.SaveAsAsync(archive);
            await ZipFile.ExtractToDirectoryAsync(archive, folder.FullName, Cancel);
            await using var database = new SqliteConnection($"Data Source={Path.Combine(folder.FullName, "workspace.db")};Mode=ReadOnly;Pooling=False");
            await database.OpenAsync(Cancel);
            await using var count = database.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM messages WHERE Text = 'Kept in the backup'";
            Assert.Equal(1L, await count.ExecuteScalarAsync(Cancel));
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        await owner.OpenAdminAsync("Audit log");
        await Expect(owner.GetByRole(AriaRole.Table, new() { Name = "Audit log", Exact = true })
            .Locator("tr[data-action=\"workspace.backed-up\"]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Backup_ForAMember_IsRefusedWith403()
    {
        var (_, member) = await OwnerAndMemberAsync();

        Assert.Equal(403, (await member.GotoAsync("/admin/backup"))!.Status);
        await Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Nothing here" })).ToBeVisibleAsync();
        var post = await member.APIRequest.PostAsync("/admin/backup/download");
        Assert.Equal(403, post.Status);
        Assert.NotEqual("application/zip", post.Headers.GetValueOrDefault("content-type"));
    }
}
