using FluentValidation;
using ImageMagick;

namespace Workspace.Domain.Common;

/// <summary>Turns an uploaded picture into the square PNG that avatars and the workspace's logo are served as.</summary>
public static class SquarePictures
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const uint Size = 256;
    public const uint MaxDimension = 8000;
    public const string NotAnImage = "That file is not an image we can read (PNG, JPEG, GIF or WebP).";
    public const string TooLarge = "Pictures can be at most 5 MB.";

    /// <summary>Crops to the middle square, scales to <see cref="Size"/> and drops metadata (camera, location).</summary>
    public static byte[] ToPng(byte[] content)
    {
        // ImageMagick reads a hundred formats, some of them scripts (MVG, SVG, text): only the four we accept reach it,
        // each read with its own decoder named.
        var format = Sniff(content) ?? throw new DomainException(NotAnImage);
        var settings = new MagickReadSettings { Format = format, FrameIndex = 0, FrameCount = 1 };
        try
        {
            // A few kilobytes can declare billions of pixels; the header says how many before anything is decoded.
            var info = new MagickImageInfo(content, settings);
            if (info.Width == 0 || info.Height == 0)
                throw new DomainException(NotAnImage);
            if (info.Width > MaxDimension || info.Height > MaxDimension)
                throw new DomainException($"Pictures can be at most {MaxDimension}×{MaxDimension} pixels.");

            using var image = new MagickImage(content, settings);
            image.AutoOrient();
            image.Resize(new MagickGeometry(Size, Size) { FillArea = true });
            image.Extent(Size, Size, Gravity.Center);
            image.Strip();
            return image.ToByteArray(MagickFormat.Png);
        }
        catch (MagickException)
        {
            throw new DomainException(NotAnImage);
        }
    }

    /// <summary>The size rule every picture upload shares.</summary>
    public static IRuleBuilderOptions<T, int> PictureSize<T>(this IRuleBuilderInitial<T, int> rule) => rule.Cascade(CascadeMode.Stop)
        .GreaterThan(0).WithMessage(NotAnImage)
        .LessThanOrEqualTo(MaxBytes).WithMessage(TooLarge);

    private static MagickFormat? Sniff(ReadOnlySpan<byte> content) => content switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => MagickFormat.Png,
        [0xFF, 0xD8, 0xFF, ..] => MagickFormat.Jpeg,
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => MagickFormat.Gif,
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => MagickFormat.WebP,
        _ => null,
    };
}
