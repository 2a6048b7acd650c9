using Microsoft.AspNetCore.Components.Forms;
using Workspace.Domain.Common;

namespace Workspace.Web.Components.Shared;

/// <summary>Reads a chosen picture (a photo, the logo) into memory, refusing an oversized one before it is sent.</summary>
public static class PictureUpload
{
    public static async Task<byte[]> ReadAsync(IBrowserFile file)
    {
        if (file.Size > SquarePictures.MaxBytes)
            throw new InvalidInputException([SquarePictures.TooLarge]);
        using var content = new MemoryStream();
        await using (var stream = file.OpenReadStream(SquarePictures.MaxBytes))
            await stream.CopyToAsync(content);
        return content.ToArray();
    }
}
