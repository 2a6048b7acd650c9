using System.Text;
using ImageMagick;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Profiles;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Profiles;

public sealed class SetAvatarTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task SetAvatar_WithAPicture_StoresA256SquarePngAndBumpsTheVersion(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");

        var first = await workspace.Send.Send(new SetAvatar(ann, Picture(640, 320, MagickFormat.Jpeg)), Cancel);
        var second = await workspace.Send.Send(new SetAvatar(ann, Picture(40, 90, MagickFormat.Png)), Cancel);

        Assert.Equal((1, 2), (first, second));
        using var stored = new MagickImage(AvatarFile(workspace, ann));
        Assert.Equal((MagickFormat.Png, 256u, 256u), (stored.Format, stored.Width, stored.Height));
        Assert.Equal(2, (await workspace.Send.Send(new GetMember(ann), Cancel)).AvatarVersion);
        Assert.Equal(2, (await workspace.Send.Send(new GetProfile(workspace.OwnerId, "ann.lee"), Cancel)).AvatarVersion);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task SetAvatar_WithGifOrWebP_IsAccepted(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");

        await workspace.Send.Send(new SetAvatar(ann, Picture(30, 30, MagickFormat.Gif)), Cancel);
        await workspace.Send.Send(new SetAvatar(ann, Picture(30, 30, MagickFormat.WebP)), Cancel);

        Assert.Equal(2, (await workspace.Send.Send(new GetMyProfile(ann), Cancel)).AvatarVersion);
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { TestWorkspace.Sqlite, "text" },
        { TestWorkspace.Sqlite, "svg" },
        { TestWorkspace.Sqlite, "empty" },
        { TestWorkspace.Sqlite, "truncated png" },
        { TestWorkspace.Postgres, "text" },
    };

    [Theory, MemberData(nameof(Refusals))]
    public async Task SetAvatar_WhenNotAnImage_RefusesAndKeepsTheOldOne(string provider, string kind)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        await workspace.Send.Send(new SetAvatar(ann, Picture(50, 50, MagickFormat.Png)), Cancel);
        var before = await File.ReadAllBytesAsync(AvatarFile(workspace, ann), Cancel);
        var content = kind switch
        {
            "text" => Encoding.UTF8.GetBytes("just some notes, not a picture"),
            "svg" => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>"),
            "empty" => [],
            _ => Picture(50, 50, MagickFormat.Png)[..40],
        };

        var outcome = await Outcomes.OfAsync(() => workspace.Send.Send(new SetAvatar(ann, content), Cancel).AsTask());

        Assert.EndsWith(": That file is not an image we can read (PNG, JPEG, GIF or WebP).", outcome);
        Assert.Equal(1, (await workspace.Send.Send(new GetMyProfile(ann), Cancel)).AvatarVersion);
        Assert.Equal(before, await File.ReadAllBytesAsync(AvatarFile(workspace, ann), Cancel));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task SetAvatar_Over5MB_IsRefused(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var picture = Picture(10, 10, MagickFormat.Png);
        var oversized = new byte[5 * 1024 * 1024 + 1];
        picture.CopyTo(oversized, 0);

        var outcome = await Outcomes.OfAsync(() => workspace.Send.Send(new SetAvatar(ann, oversized), Cancel).AsTask());

        Assert.Equal("InvalidInputException: Pictures can be at most 5 MB.", outcome);
        Assert.Equal(0, (await workspace.Send.Send(new GetMyProfile(ann), Cancel)).AvatarVersion);
        Assert.False(File.Exists(AvatarFile(workspace, ann)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task SetAvatar_WhenPixelsExceedTheLimit_RefusesBeforeDecoding(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        // A 1×9000 picture is tiny on disk; the limit is on what its header declares.
        var tall = Picture(1, 9000, MagickFormat.Png);

        var outcome = await Outcomes.OfAsync(() => workspace.Send.Send(new SetAvatar(ann, tall), Cancel).AsTask());

        Assert.Equal("DomainException: Pictures can be at most 8000×8000 pixels.", outcome);
        Assert.Equal(0, (await workspace.Send.Send(new GetMyProfile(ann), Cancel)).AvatarVersion);
    }

    private static string AvatarFile(TestWorkspace workspace, Guid userId) =>
        new StorageOptions { Path = workspace.StoragePath }.AvatarFile(userId);

    private static byte[] Picture(uint width, uint height, MagickFormat format)
    {
        using var image = new MagickImage(new MagickColor("#3a7"), width, height);
        return image.ToByteArray(format);
    }
}
