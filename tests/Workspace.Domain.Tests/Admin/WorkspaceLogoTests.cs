using System.Text;
using ImageMagick;
using Workspace.Domain.Admin;
using Workspace.Domain.Audit;
using Workspace.Domain.Common;
using Workspace.Domain.Setup;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Admin;

public sealed class WorkspaceLogoTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task SetWorkspaceLogo_WhenAdminUploadsThenRemoves_TheSignInPageFollows(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var file = new StorageOptions { Path = workspace.StoragePath }.LogoFile();
        Assert.Null((await workspace.Send.Send(new GetWorkspaceStatus(), Cancel)).Logo);

        var first = await workspace.Send.Send(new SetWorkspaceLogo(workspace.OwnerId, Picture(300, 120)), Cancel);
        using (var stored = new MagickImage(file))
            Assert.Equal((MagickFormat.Png, 256u, 256u), (stored.Format, stored.Width, stored.Height));
        Assert.Equal(first, (await workspace.Send.Send(new GetWorkspaceStatus(), Cancel)).Logo);

        Assert.Null(await workspace.Send.Send(new SetWorkspaceLogo(workspace.OwnerId, null), Cancel));
        Assert.False(File.Exists(file));
        Assert.Null((await workspace.Send.Send(new GetWorkspaceStatus(), Cancel)).Logo);

        var again = await workspace.Send.Send(new SetWorkspaceLogo(workspace.OwnerId, Picture(64, 64)), Cancel);
        Assert.True(again > first, "a new upload must not reuse a version a browser may have cached");
        Assert.Equal(["new logo", "logo removed", "new logo"],
            (await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, AuditActions.WorkspaceUpdated), Cancel)).Entries
            .Select(e => e.Detail).Reverse());
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task SetWorkspaceLogo_WhenMemberOrNotAPicture_IsRefusedAndKeepsTheOldLogo(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var version = await workspace.Send.Send(new SetWorkspaceLogo(workspace.OwnerId, Picture(50, 50)), Cancel);
        var file = new StorageOptions { Path = workspace.StoragePath }.LogoFile();
        var before = await File.ReadAllBytesAsync(file, Cancel);

        var member = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new SetWorkspaceLogo(ann, Picture(50, 50)), Cancel));
        var text = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new SetWorkspaceLogo(workspace.OwnerId, Encoding.UTF8.GetBytes("<svg onload=alert(1)/>")), Cancel));
        var huge = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await workspace.Send.Send(new SetWorkspaceLogo(workspace.OwnerId, new byte[SquarePictures.MaxBytes + 1]), Cancel));

        Assert.Equal("Only admins can do that.", member.Message);
        Assert.Equal(SquarePictures.NotAnImage, text.Message);
        Assert.Equal("Pictures can be at most 5 MB.", huge.Message);
        Assert.Equal(before, await File.ReadAllBytesAsync(file, Cancel));
        Assert.Equal(version, (await workspace.Send.Send(new GetWorkspaceStatus(), Cancel)).Logo);
    }

    private static byte[] Picture(uint width, uint height)
    {
        using var image = new MagickImage(new MagickColor("#b35"), width, height);
        return image.ToByteArray(MagickFormat.Png);
    }
}
