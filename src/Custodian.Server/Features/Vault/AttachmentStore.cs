using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Files;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Features.Vault;

public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>Largest encrypted file accepted, in bytes (Bitwarden's limit: 500 MB).</summary>
    public long MaxFileSize { get; set; } = 500L * 1024 * 1024;
}

/// <summary>Attachment bytes on disk: <c>{DataDirectory}/attachments/{cipherId}/{attachmentId}</c>.</summary>
public sealed class AttachmentStore(IOptions<DatabaseOptions> options, ILogger<AttachmentStore> logger)
    : EncryptedFileStore(options, logger, "attachments");
