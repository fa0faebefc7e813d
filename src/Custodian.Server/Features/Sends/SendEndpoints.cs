using Custodian.Server.Features.Vault;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Features.Sends;

/// <summary>
/// The owner's Send routes (Bitwarden's <c>SendsController</c>): create, file upload (v2, direct to this server),
/// edit, remove password, delete, list, get. Only the owner reaches a Send; anyone else gets a 404.
/// </summary>
public static class SendEndpoints
{
    public static RouteGroupBuilder MapSendEndpoints(this RouteGroupBuilder api)
    {
        var sends = api.MapGroup("/sends").WithTags("Sends");
        sends.MapGet("/", List);
        sends.MapGet("/{id:guid}", Get);
        sends.MapPost("/", Create);
        sends.MapPost("/file/v2", CreateFile);
        sends.MapGet("/{id:guid}/file/{fileId}", RenewUpload);
        sends.MapPost("/{id:guid}/file/{fileId}", Upload)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute()); // bounded by the announced size instead
        sends.MapPut("/{id:guid}", Update);
        sends.MapPut("/{id:guid}/remove-password", RemovePassword);
        sends.MapPut("/{id:guid}/remove-auth", RemovePassword);
        sends.MapDelete("/{id:guid}", Delete);
        return sends;
    }

    static async Task<ListResponse<SendResponse>> List(AppDbContext db, CurrentUser caller, CancellationToken ct) =>
        new((await OwnedAsync(db, caller.Id, ct)).ConvertAll(SendResponse.From));

    /// <summary>The caller's Sends, oldest first; sync lists them too.</summary>
    public static Task<List<Send>> OwnedAsync(AppDbContext db, Guid userId, CancellationToken ct) =>
        db.Sends.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.Id).ToListAsync(ct);

    static async Task<SendResponse> Get(Guid id, SendService sends, CancellationToken ct) =>
        SendResponse.From(await sends.LoadOwnedAsync(id, ct));

    static async Task<SendResponse> Create(SendRequest request, SendService sends, CancellationToken ct)
    {
        if (request.Type == SendType.File)
        {
            throw new BadRequestException("File sends are created through /sends/file/v2.");
        }
        var send = await sends.CreateAsync(request, ct);
        await sends.SaveAsync(ct);
        return SendResponse.From(send);
    }

    static async Task<SendFileUploadResponse> CreateFile(SendRequest request, SendService sends, IOptions<AttachmentOptions> options,
        CancellationToken ct)
    {
        if (request.Type != SendType.File)
        {
            throw new BadRequestException("Invalid content.");
        }
        if (request.FileLength is not { } length)
        {
            throw new BadRequestException("Invalid content. File size hint is required.");
        }
        if (length < 1 || length > options.Value.MaxFileSize)
        {
            throw BadRequestException.ForField("FileLength", $"Max file size is {AttachmentLinks.SizeName(options.Value.MaxFileSize)}.");
        }
        var send = await sends.CreateAsync(request, ct);
        await sends.SaveAsync(ct);
        return new(UploadUrl(send), 0, SendResponse.From(send));
    }

    static string UploadUrl(Send send) => $"/sends/{send.Id}/file/{send.FileId}";

    /// <summary>A fresh upload link while the file has not arrived; afterwards the file is never replaced.</summary>
    static async Task<SendFileUploadResponse> RenewUpload(Guid id, string fileId, SendService sends, CancellationToken ct)
    {
        var send = await sends.LoadOwnedAsync(id, ct);
        if (send.Type != SendType.File || send.FileId != fileId || send.FileUploaded)
        {
            throw new NotFoundException();
        }
        return new(UploadUrl(send), 0, SendResponse.From(send));
    }

    /// <summary>Multipart with the encrypted bytes in the part named <c>data</c>; the size must be the one announced.</summary>
    static async Task Upload(Guid id, string fileId, HttpRequest request, SendService sends, SendFileStore store, CancellationToken ct)
    {
        var send = await sends.LoadOwnedAsync(id, ct);
        if (send.Type != SendType.File || send.FileId != fileId)
        {
            throw new NotFoundException();
        }
        if (send.FileUploaded)
        {
            throw new BadRequestException("File has already been uploaded.");
        }
        var (temp, length) = await store.ReceiveMultipartAsync(request, send.Id, send.FileSize, ct);
        try
        {
            if (length != send.FileSize)
            {
                throw new BadRequestException("File received does not match expected file length.");
            }
            store.Commit(temp, send.Id, fileId);
        }
        finally
        {
            store.Discard(temp);
        }
        send.FileUploaded = true;
        await sends.SaveAsync(ct);
    }

    static async Task<SendResponse> Update(Guid id, SendRequest request, SendService sends, CancellationToken ct)
    {
        var send = await sends.LoadOwnedAsync(id, ct);
        await sends.UpdateAsync(send, request, ct);
        await sends.SaveAsync(ct);
        return SendResponse.From(send);
    }

    /// <summary>Bitwarden's remove-password and remove-auth: both drop every access check.</summary>
    static async Task<SendResponse> RemovePassword(Guid id, SendService sends, CancellationToken ct)
    {
        var send = await sends.LoadOwnedAsync(id, ct);
        (send.Password, send.Emails, send.AuthType) = (null, null, SendAuthType.None);
        await sends.SaveAsync(ct);
        return SendResponse.From(send);
    }

    static async Task Delete(Guid id, SendService sends, CancellationToken ct)
    {
        var send = await sends.LoadOwnedAsync(id, ct);
        sends.Remove(send);
        await sends.SaveAsync(ct, deleted: send);
    }
}
