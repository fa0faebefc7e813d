using Custodian.Server.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Features.Vault;

/// <summary>Attachment bytes on disk: <c>{DataDirectory}/attachments/{cipherId}/{attachmentId}</c>.</summary>
public sealed class AttachmentStore(IOptions<DatabaseOptions> options, ILogger<AttachmentStore> logger)
{
    public string CipherDirectory(Guid cipherId) =>
        Path.Combine(Path.GetFullPath(options.Value.DataDirectory), "attachments", cipherId.ToString("N"));

    /// <summary>Called after the item's rows are gone; a failure leaves orphaned bytes, never a broken item.</summary>
    public void DeleteCipherFiles(Guid cipherId)
    {
        var directory = CipherDirectory(cipherId);
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not delete the attachment files of item {CipherId}", cipherId);
        }
    }
}
