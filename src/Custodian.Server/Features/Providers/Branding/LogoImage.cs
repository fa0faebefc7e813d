using System.Buffers.Binary;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Providers.Branding;

/// <summary>
/// A provider logo, checked by reading the file's own structure rather than trusting its name or declared type:
/// PNG or JPEG only (SVG can carry script), at most <see cref="MaxBytes"/>, whole (a PNG ends with IEND, a JPEG
/// with EOI) and of sensible dimensions. Anything else is the caller's 400.
/// </summary>
public static class LogoImage
{
    public const int MaxBytes = 256 * 1024;
    public const int MaxSide = 2048;
    const string Field = "Logo";

    static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    static ReadOnlySpan<byte> PngEnd => [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    /// <summary>The content type to serve it with, after checking it; else a 400 naming what is wrong.</summary>
    public static string Check(ReadOnlySpan<byte> file)
    {
        if (file.Length == 0 || file.Length > MaxBytes)
        {
            throw BadRequestException.ForField(Field, $"The logo must be a PNG or JPEG file of at most {MaxBytes / 1024} KB.");
        }
        var (type, size) = file.StartsWith(PngSignature) ? ("image/png", PngSize(file))
            : file.Length > 3 && file[0] == 0xFF && file[1] == 0xD8 && file[2] == 0xFF ? ("image/jpeg", JpegSize(file))
            : throw BadRequestException.ForField(Field, "The logo must be a PNG or JPEG image (SVG and other formats are refused).");
        if (size is not var (width, height) || width is < 1 or > MaxSide || height is < 1 or > MaxSide)
        {
            throw BadRequestException.ForField(Field, $"The logo is damaged, or larger than {MaxSide}×{MaxSide} pixels.");
        }
        return type;
    }

    /// <summary>IHDR must be the first chunk, and the file must end with IEND.</summary>
    static (int, int)? PngSize(ReadOnlySpan<byte> file)
    {
        if (file.Length < 8 + 25 + PngEnd.Length || !file.Slice(12, 4).SequenceEqual("IHDR"u8) || !file.EndsWith(PngEnd))
        {
            return null;
        }
        var (width, height) = (BinaryPrimitives.ReadUInt32BigEndian(file[16..]), BinaryPrimitives.ReadUInt32BigEndian(file[20..]));
        return width > MaxSide || height > MaxSide ? null : ((int)width, (int)height);
    }

    /// <summary>Walks the marker segments to the first start-of-frame, which holds the size; the file must end with EOI.</summary>
    static (int, int)? JpegSize(ReadOnlySpan<byte> file)
    {
        if (file[^2] != 0xFF || file[^1] != 0xD9)
        {
            return null;
        }
        var at = 2;
        while (at + 4 <= file.Length && file[at] == 0xFF)
        {
            var marker = file[at + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(file[(at + 2)..]);
            if (length < 2 || marker == 0xDA)
            {
                return null;   // the image data began before any frame header
            }
            var isFrame = marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC);
            if (isFrame)
            {
                return at + 9 <= file.Length
                    ? (BinaryPrimitives.ReadUInt16BigEndian(file[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(file[(at + 5)..]))
                    : null;
            }
            at += 2 + length;
        }
        return null;
    }
}
