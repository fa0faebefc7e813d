using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
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
{
    public string CipherDirectory(Guid cipherId) =>
        Path.Combine(Path.GetFullPath(options.Value.DataDirectory), "attachments", cipherId.ToString("N"));

    /// <summary>Attachment ids are ours (lower-case letters and digits), so they are safe as file names.</summary>
    public string FilePath(Guid cipherId, string attachmentId) => Path.Combine(CipherDirectory(cipherId), attachmentId);

    /// <summary>
    /// Copies <paramref name="content"/> to a temporary file, refusing more than <paramref name="maxBytes"/>, and
    /// returns it with the byte count. Nothing is at the final path until <see cref="Commit"/>.
    /// </summary>
    public async Task<(string TempPath, long Length)> WriteTempAsync(Guid cipherId, Stream content, long maxBytes, CancellationToken ct)
    {
        DataFiles.EnsureDirectory(CipherDirectory(cipherId));
        var temp = Path.Combine(CipherDirectory(cipherId), $".upload-{Guid.NewGuid():N}");
        try
        {
            await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    throw new BadRequestException($"The file is larger than {maxBytes} bytes.");
                }
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            return (temp, total);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public void Commit(string tempPath, Guid cipherId, string attachmentId) =>
        File.Move(tempPath, FilePath(cipherId, attachmentId), overwrite: true);

    public void Discard(string tempPath) => TryDelete(() => File.Delete(tempPath), tempPath);

    public Stream? OpenRead(Guid cipherId, string attachmentId)
    {
        var path = FilePath(cipherId, attachmentId);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    /// <summary>Called after the row is gone; a failure leaves orphaned bytes, never a broken item.</summary>
    public void DeleteFile(Guid cipherId, string attachmentId) =>
        TryDelete(() => File.Delete(FilePath(cipherId, attachmentId)), attachmentId);

    /// <summary>Called after the item's rows are gone; a failure leaves orphaned bytes, never a broken item.</summary>
    public void DeleteCipherFiles(Guid cipherId)
    {
        var directory = CipherDirectory(cipherId);
        TryDelete(() =>
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }, cipherId.ToString());
    }

    void TryDelete(Action delete, string what)
    {
        try
        {
            delete();
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not delete attachment data {What}", what);
        }
    }
}
