using Custodian.Server.Infrastructure.Files;

namespace Custodian.Server.Features.Vault;

/// <summary>
/// Download links for attachments. Clients fetch the link with a plain GET (no bearer token), so the link itself
/// carries a short-lived, tamper-proof grant for exactly one file.
/// </summary>
public sealed class AttachmentLinks(SignedLinks links, IHttpContextAccessor http)
{
    const string Purpose = "Custodian.Vault.AttachmentDownload";

    public string DownloadUrl(Guid cipherId, string attachmentId)
    {
        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("No HTTP request.");
        var token = links.Token(Purpose, $"{cipherId:N}/{attachmentId}");
        return $"{request.Scheme}://{request.Host}{request.PathBase}/attachments/{cipherId}/{Uri.EscapeDataString(attachmentId)}?token={Uri.EscapeDataString(token)}";
    }

    public bool IsValid(Guid cipherId, string attachmentId, string? token) => links.IsValid(Purpose, $"{cipherId:N}/{attachmentId}", token);

    public AttachmentResponse Response(Attachment attachment) => new(
        attachment.Id, DownloadUrl(attachment.CipherId, attachment.Id), attachment.FileName, attachment.Key,
        attachment.Size.ToString(System.Globalization.CultureInfo.InvariantCulture), SizeName(attachment.Size));

    /// <summary>Human-readable size as Bitwarden shows it ("1.5 MB").</summary>
    public static string SizeName(long bytes)
    {
        string[] units = ["Bytes", "KB", "MB", "GB", "TB"];
        double size = bytes;
        var unit = 0;
        while (size >= 1024 && unit < units.Length - 1)
        {
            size /= 1024;
            unit++;
        }
        return $"{Math.Round(size, 2).ToString(System.Globalization.CultureInfo.InvariantCulture)} {units[unit]}";
    }
}
