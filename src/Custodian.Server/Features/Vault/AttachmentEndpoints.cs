using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Features.Vault;

public sealed record AttachmentUploadRequest(
    [property: Required, EncryptedString, EncryptedStringLength(1000)] string Key,
    [property: Required, EncryptedString, EncryptedStringLength(1000)] string FileName,
    long FileSize,
    bool AdminRequest,
    DateTime? LastKnownRevisionDate) : IRequestModel;

/// <summary>Bitwarden's <c>AttachmentUploadDataResponseModel</c>; fileUploadType 0 = direct to this server.</summary>
public sealed record AttachmentUploadResponse(string AttachmentId, string Url, int FileUploadType,
    CipherResponse? CipherResponse, CipherResponse? CipherMiniResponse) : ResponseModel("attachment-fileUpload");

public sealed record AttachmentDeleteResponse(CipherResponse Cipher);

/// <summary>
/// Attachments, v2 flow: the client announces the file (encrypted name, key, encrypted size), then uploads the
/// encrypted bytes to this server; downloads go through a short-lived signed link (<see cref="AttachmentLinks"/>).
/// </summary>
public static class AttachmentEndpoints
{
    const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static void MapAttachmentEndpoints(this RouteGroupBuilder ciphers, IEndpointRouteBuilder root)
    {
        ciphers.MapPost("/{id:guid}/attachment/v2", Announce);
        ciphers.MapPost("/{id:guid}/attachment/{attachmentId}", Upload)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute()); // bounded by the announced size instead
        ciphers.MapGet("/{id:guid}/attachment/{attachmentId}", Get);
        ciphers.MapDelete("/{id:guid}/attachment/{attachmentId}", Delete);
        ciphers.MapPost("/{id:guid}/attachment/{attachmentId}/delete", Delete); // legacy alias
        root.MapGet("/attachments/{id:guid}/{attachmentId}", Download).AllowAnonymous();
    }

    static async Task<AttachmentUploadResponse> Announce(Guid id, AttachmentUploadRequest request, AppDbContext db,
        CipherService service, AttachmentLinks links, IOptions<AttachmentOptions> options, CancellationToken ct)
    {
        var cipher = await service.LoadAsync(id, CipherAccess.ToEdit, ct);
        CipherService.EnsureFresh(cipher, request.LastKnownRevisionDate);
        if (request.FileSize <= 0 || request.FileSize > options.Value.MaxFileSize)
        {
            throw BadRequestException.ForField("FileSize", $"Max file size is {AttachmentLinks.SizeName(options.Value.MaxFileSize)}.");
        }
        var attachment = new Attachment
        {
            Id = RandomNumberGenerator.GetString(Alphabet, 32), CipherId = id, FileName = request.FileName, Key = request.Key,
            Size = request.FileSize, CreationDate = service.Now,
        };
        db.Attachments.Add(attachment);
        db.Ciphers.Update(cipher);
        await service.SaveAsync(cipher, ct);
        // The client stores this answer as the item, so it must already list the file it is about to upload.
        var item = await service.ResponseAsync(cipher, ct);
        item = item with { Attachments = [.. item.Attachments ?? [], links.Response(attachment)] };
        return new(attachment.Id, $"/ciphers/{id}/attachment/{attachment.Id}", 0, item, null);
    }

    /// <summary>Multipart with the encrypted bytes in the part named <c>data</c>; the size must be the one announced.</summary>
    static async Task Upload(Guid id, string attachmentId, HttpRequest request, AppDbContext db, CipherService service,
        AttachmentStore store, CancellationToken ct)
    {
        var cipher = await service.LoadAsync(id, CipherAccess.ToEdit, ct);
        var attachment = await db.Attachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.CipherId == id, ct)
            ?? throw new NotFoundException();
        if (attachment.Uploaded)
        {
            throw new BadRequestException("This attachment has already been uploaded.");
        }
        var (temp, length) = await store.ReceiveMultipartAsync(request, cipher.Id, attachment.Size, ct);
        try
        {
            if (length != attachment.Size)
            {
                throw new BadRequestException($"The file has {length} bytes, {attachment.Size} were announced.");
            }
            store.Commit(temp, cipher.Id, attachment.Id);
        }
        finally
        {
            store.Discard(temp);
        }
        attachment.Uploaded = true;
        db.Ciphers.Update(cipher);
        service.Record(Events.EventType.Cipher_AttachmentCreated, cipher);
        await service.SaveAsync(cipher, ct);
    }

    static async Task<AttachmentResponse> Get(Guid id, string attachmentId, AppDbContext db, CipherService service,
        AttachmentLinks links, CancellationToken ct)
    {
        await service.LoadAsync(id, CipherAccess.Read, ct);
        return links.Response(await LoadUploadedAsync(db, id, attachmentId, ct));
    }

    static async Task<AttachmentDeleteResponse> Delete(Guid id, string attachmentId, AppDbContext db, CipherService service,
        AttachmentStore store, CancellationToken ct)
    {
        var cipher = await service.LoadAsync(id, CipherAccess.ToEdit, ct);
        var attachment = await db.Attachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.CipherId == id, ct)
            ?? throw new NotFoundException();
        db.Attachments.Remove(attachment);
        db.Ciphers.Update(cipher);
        service.Record(Events.EventType.Cipher_AttachmentDeleted, cipher);
        await service.SaveAsync(cipher, ct);
        store.DeleteFile(id, attachmentId);
        return new(await service.ResponseAsync(cipher, ct));
    }

    /// <summary>The signed link is the only credential: clients fetch it without their bearer token.</summary>
    static async Task<IResult> Download(Guid id, string attachmentId, string? token, AppDbContext db, AttachmentLinks links,
        AttachmentStore store, CancellationToken ct)
    {
        if (!links.IsValid(id, attachmentId, token))
        {
            return Results.NotFound();
        }
        await LoadUploadedAsync(db, id, attachmentId, ct);
        var stream = store.OpenRead(id, attachmentId);
        return stream is null ? Results.NotFound() : Results.Stream(stream, "application/octet-stream");
    }

    static async Task<Attachment> LoadUploadedAsync(AppDbContext db, Guid cipherId, string attachmentId, CancellationToken ct) =>
        await db.Attachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.CipherId == cipherId && a.Uploaded, ct)
            ?? throw new NotFoundException();
}
