using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Infrastructure.Files;

/// <summary>
/// Client-encrypted files on disk: <c>{DataDirectory}/{area}/{ownerId}/{fileId}</c>, readable by the server's user
/// only (0600 on Unix). File ids are the server's own (lower-case letters and digits), so they are safe as names.
/// Attachments and Send files both live here, each in its own area.
/// </summary>
public abstract class EncryptedFileStore(IOptions<DatabaseOptions> options, ILogger logger, string area)
{
    public string OwnerDirectory(Guid ownerId) =>
        Path.Combine(Path.GetFullPath(options.Value.DataDirectory), area, ownerId.ToString("N"));

    public string FilePath(Guid ownerId, string fileId) => Path.Combine(OwnerDirectory(ownerId), fileId);

    /// <summary>
    /// Copies <paramref name="content"/> to a temporary file, refusing more than <paramref name="maxBytes"/>, and
    /// returns it with the byte count. Nothing is at the final path until <see cref="Commit"/>.
    /// </summary>
    public async Task<(string TempPath, long Length)> WriteTempAsync(Guid ownerId, Stream content, long maxBytes, CancellationToken ct)
    {
        DataFiles.EnsureDirectory(OwnerDirectory(ownerId));
        var temp = Path.Combine(OwnerDirectory(ownerId), $".upload-{Guid.NewGuid():N}");
        var create = new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 81920,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = DataFiles.PrivateFile;
        }
        try
        {
            await using var file = new FileStream(temp, create);
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

    public void Commit(string tempPath, Guid ownerId, string fileId) =>
        File.Move(tempPath, FilePath(ownerId, fileId), overwrite: true);

    public void Discard(string tempPath) => TryDelete(() => File.Delete(tempPath), tempPath);

    public Stream? OpenRead(Guid ownerId, string fileId)
    {
        var path = FilePath(ownerId, fileId);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    /// <summary>Called after the row is gone; a failure leaves orphaned bytes, never a broken row.</summary>
    public void DeleteFile(Guid ownerId, string fileId) => TryDelete(() => File.Delete(FilePath(ownerId, fileId)), fileId);

    /// <summary>Called after the owner's rows are gone; a failure leaves orphaned bytes, never a broken row.</summary>
    public void DeleteOwnerFiles(Guid ownerId)
    {
        var directory = OwnerDirectory(ownerId);
        TryDelete(() =>
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }, ownerId.ToString());
    }

    /// <summary>Multipart with the encrypted bytes in the part named <c>data</c>, as Bitwarden's clients upload.</summary>
    public async Task<(string TempPath, long Length)> ReceiveMultipartAsync(HttpRequest request, Guid ownerId, long maxBytes, CancellationToken ct)
    {
        var boundary = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            ? Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(type.Boundary).Value : null;
        if (string.IsNullOrEmpty(boundary))
        {
            throw new BadRequestException("Expected multipart/form-data with a file part named \"data\".");
        }
        var reader = new Microsoft.AspNetCore.WebUtilities.MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (Microsoft.Net.Http.Headers.ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(disposition.Name).Equals("data", StringComparison.Ordinal))
            {
                return await WriteTempAsync(ownerId, section.Body, maxBytes, ct);
            }
        }
        throw new BadRequestException("Expected multipart/form-data with a file part named \"data\".");
    }

    void TryDelete(Action delete, string what)
    {
        try
        {
            delete();
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not delete stored file {What} in {Area}", what, area);
        }
    }
}
