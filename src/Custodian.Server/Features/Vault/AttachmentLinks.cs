using Microsoft.AspNetCore.DataProtection;

namespace Custodian.Server.Features.Vault;

/// <summary>
/// Download links for attachments. Clients fetch the link with a plain GET (no bearer token), so the link itself
/// carries a short-lived, tamper-proof grant for exactly one file.
/// </summary>
public sealed class AttachmentLinks(IDataProtectionProvider protection, IHttpContextAccessor http)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    const string Purpose = "Custodian.Vault.AttachmentDownload";

    ITimeLimitedDataProtector Protector => protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public string DownloadUrl(Guid cipherId, string attachmentId)
    {
        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("No HTTP request.");
        var token = Protector.Protect($"{cipherId:N}/{attachmentId}", Lifetime);
        return $"{request.Scheme}://{request.Host}{request.PathBase}/attachments/{cipherId}/{Uri.EscapeDataString(attachmentId)}?token={Uri.EscapeDataString(token)}";
    }

    /// <summary>True when the token was made by this server for this file and has not expired.</summary>
    public bool IsValid(Guid cipherId, string attachmentId, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }
        try
        {
            return Protector.Unprotect(token) == $"{cipherId:N}/{attachmentId}";
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

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
