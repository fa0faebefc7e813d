using Custodian.Server.Features.Events;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Files;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Sends;

/// <summary>Bitwarden's legacy <c>SendAccessRequestModel</c>: the client's Send password hash, when the Send has one.</summary>
public sealed record SendAccessRequest(string? Password) : IRequestModel;

/// <summary>
/// What recipients call, without an account. The current clients (<c>bw receive</c>, the web vault) first get a
/// token from the <c>send_access</c> grant and then call <c>POST /api/sends/access</c> and
/// <c>/api/sends/access/file/{fileId}</c> with it; older clients post the password hash to the legacy routes.
/// Every opening of a text, and every download link of a file, counts once against the maximum, atomically.
/// </summary>
public static class SendAccessEndpoints
{
    const string DownloadPurpose = "Custodian.Sends.FileDownload";

    public static void MapSendAccessEndpoints(this RouteGroupBuilder api, IEndpointRouteBuilder root)
    {
        var sends = api.MapGroup("/sends").WithTags("Send access").AllowAnonymous();
        sends.MapPost("/access", AccessWithToken);
        sends.MapPost("/access/file/{fileId}", FileWithToken);
        sends.MapPost("/access/{accessId}", AccessWithPassword);          // legacy clients
        sends.MapPost("/{accessId}/access/file/{fileId}", FileWithPassword); // legacy clients
        root.MapGet("/sends/files/{id:guid}/{fileId}", Download).AllowAnonymous();
    }

    static async Task<SendAccessResponse> AccessWithToken(HttpRequest request, SendAccessTokens tokens, AppDbContext db,
        EventLog events, TimeProvider time, CancellationToken ct) =>
        await OpenAsync(await FromTokenAsync(request, tokens, db, time, ct), db, events, time, ct);

    static async Task<SendFileDownloadResponse> FileWithToken(string fileId, HttpRequest request, SendAccessTokens tokens,
        AppDbContext db, EventLog events, SignedLinks links, TimeProvider time, CancellationToken ct) =>
        await DownloadLinkAsync(await FromTokenAsync(request, tokens, db, time, ct), fileId, request, db, events, links, time, ct);

    static async Task<SendAccessResponse> AccessWithPassword(string accessId, SendAccessRequest? body, AppDbContext db,
        EventLog events, TimeProvider time, CancellationToken ct) =>
        await OpenAsync(await WithPasswordAsync(accessId, body, db, time, ct), db, events, time, ct);

    static async Task<SendFileDownloadResponse> FileWithPassword(string accessId, string fileId, SendAccessRequest? body,
        HttpRequest request, AppDbContext db, EventLog events, SignedLinks links, TimeProvider time, CancellationToken ct) =>
        await DownloadLinkAsync(await WithPasswordAsync(accessId, body, db, time, ct), fileId, request, db, events, links, time, ct);

    static async Task<Send> FromTokenAsync(HttpRequest request, SendAccessTokens tokens, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var id = tokens.Read(request) ?? throw new UnauthorizedException("A Send access token is required.");
        return await LoadAccessibleAsync(db, id, time, ct);
    }

    static async Task<Send> LoadAccessibleAsync(AppDbContext db, Guid id, TimeProvider time, CancellationToken ct)
    {
        var send = await db.Sends.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        return send is not null && send.IsAccessible(time.GetUtcNow().UtcDateTime) ? send : throw new NotFoundException();
    }

    static async Task<Send> WithPasswordAsync(string accessId, SendAccessRequest? body, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var send = await LoadAccessibleAsync(db, SendAccessId.Decode(accessId) ?? throw new NotFoundException(), time, ct);
        if (send.AuthType == SendAuthType.Password)
        {
            if (string.IsNullOrEmpty(body?.Password))
            {
                throw new UnauthorizedException("Password is required.");
            }
            if (!SendService.PasswordMatches(send, body.Password))
            {
                throw new BadRequestException("Invalid password.");
            }
        }
        return send;
    }

    /// <summary>Opening a Send shows its content; a text is counted here, a file when its link is asked for.</summary>
    static async Task<SendAccessResponse> OpenAsync(Send send, AppDbContext db, EventLog events, TimeProvider time, CancellationToken ct)
    {
        if (send.Type == SendType.Text)
        {
            await CountAsync(send, db, events, EventType.Send_Accessed_Text, time, ct);
        }
        var creator = send.HideEmail ? null : await db.Users.Where(u => u.Id == send.UserId).Select(u => u.Email).SingleAsync(ct);
        return new(SendAccessId.Encode(send.Id), send.Type, send.AuthType, send.Name, SendResponse.FileOf(send), SendResponse.TextOf(send),
            null, send.ExpirationDate, creator);
    }

    static async Task<SendFileDownloadResponse> DownloadLinkAsync(Send send, string fileId, HttpRequest request, AppDbContext db,
        EventLog events, SignedLinks links, TimeProvider time, CancellationToken ct)
    {
        if (send.Type != SendType.File)
        {
            throw new BadRequestException("Can only get a download URL for a file type of Send");
        }
        if (send.FileId != fileId)
        {
            throw new NotFoundException();
        }
        await CountAsync(send, db, events, EventType.Send_Accessed_File, time, ct);
        var token = links.Token(DownloadPurpose, $"{send.Id:N}/{fileId}");
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}/sends/files/{send.Id}/{fileId}?token={Uri.EscapeDataString(token)}";
        return new(fileId, url);
    }

    /// <summary>
    /// One access, counted by a single conditional UPDATE, so two recipients racing for the last allowed access
    /// cannot both get it; the owner's clients resync to see the new count.
    /// </summary>
    static async Task CountAsync(Send send, AppDbContext db, EventLog events, EventType type, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var counted = await db.Sends.Where(s => s.Id == send.Id && !s.Disabled && (s.MaxAccessCount == null || s.AccessCount < s.MaxAccessCount)
                && (s.ExpirationDate == null || s.ExpirationDate > now) && s.DeletionDate > now)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.AccessCount, s => s.AccessCount + 1), ct);
        if (counted == 0)
        {
            throw new NotFoundException();
        }
        await db.Users.Where(u => u.Id == send.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.AccountRevisionDate, now), ct);
        events.Add(type, new EventSubject(UserId: send.UserId));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        send.AccessCount++;
    }

    /// <summary>The signed link is the only credential: clients fetch it without any token.</summary>
    static async Task<IResult> Download(Guid id, string fileId, string? token, AppDbContext db, SignedLinks links, SendFileStore store,
        CancellationToken ct)
    {
        if (!links.IsValid(DownloadPurpose, $"{id:N}/{fileId}", token)
            || !await db.Sends.AnyAsync(s => s.Id == id && s.FileId == fileId && s.FileUploaded, ct))
        {
            return Results.NotFound();
        }
        var stream = store.OpenRead(id, fileId);
        return stream is null ? Results.NotFound() : Results.Stream(stream, "application/octet-stream");
    }
}
