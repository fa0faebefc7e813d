using System.Security.Cryptography;
using System.Text;
using Custodian.Server.Features.Events;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Mail;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Features.AuthRequests;

/// <summary>
/// Bitwarden's <c>AuthRequestsController</c> (<c>/api/auth-requests</c>), "log in with device": a new device posts a
/// request with a one-time public key and access code (anonymous); the user's logged-in devices see it (live, and in
/// the pending list) and answer with the user key wrapped to that public key; the new device reads the answer with
/// its access code and logs in with the code in place of the master password hash (<see cref="AuthRequestLogin"/>).
/// A request lives 15 minutes and serves one login. Only the account's owner sees or answers it; others get 404.
/// </summary>
public static class AuthRequestEndpoints
{
    public static RouteGroupBuilder MapAuthRequestEndpoints(this RouteGroupBuilder api)
    {
        var requests = api.MapGroup("/auth-requests").WithTags("AuthRequests");
        requests.MapGet("/", List);
        requests.MapGet("/pending", Pending);
        requests.MapGet("/{id:guid}", Get);
        requests.MapPut("/{id:guid}", Answer);
        requests.MapPost("/", Create).AllowAnonymous();
        requests.MapGet("/{id:guid}/response", Response).AllowAnonymous();
        return requests;
    }

    static async Task<ListResponse<AuthRequestResponse>> List(AppDbContext db, CurrentUser caller, Origin origin, CancellationToken ct) =>
        new((await db.AuthRequests.AsNoTracking().Where(r => r.UserId == caller.Id).OrderBy(r => r.CreationDate).ToListAsync(ct))
            .ConvertAll(r => AuthRequestResponse.From(r, origin.Host)));

    /// <summary>Unanswered, unexpired requests, the newest per requesting device (an older one is never approvable).</summary>
    static async Task<ListResponse<AuthRequestResponse>> Pending(AppDbContext db, CurrentUser caller, Origin origin, TimeProvider time,
        CancellationToken ct)
    {
        var pending = await PendingAsync(db, caller.Id, time, ct);
        var identifiers = pending.Select(r => r.RequestDeviceIdentifier).ToList();
        var devices = await db.Devices.AsNoTracking().Where(d => d.UserId == caller.Id && identifiers.Contains(d.Identifier))
            .ToDictionaryAsync(d => d.Identifier, d => d.Id, ct);
        return new(pending.ConvertAll(r => AuthRequestResponse.From(r, origin.Host,
            devices.TryGetValue(r.RequestDeviceIdentifier, out var id) ? id : null)));
    }

    static async Task<List<AuthRequest>> PendingAsync(AppDbContext db, Guid userId, TimeProvider time, CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime - AuthRequest.Lifetime;
        var open = await db.AuthRequests.AsNoTracking().Where(r => r.UserId == userId && r.Approved == null && r.ResponseDate == null
            && r.CreationDate >= since && r.Type != AuthRequestType.AdminApproval).ToListAsync(ct);
        return [.. open.GroupBy(r => r.RequestDeviceIdentifier).Select(g => g.MaxBy(r => r.CreationDate)!).OrderByDescending(r => r.CreationDate)];
    }

    static async Task<AuthRequestResponse> Get(Guid id, AppDbContext db, CurrentUser caller, Origin origin, CancellationToken ct) =>
        AuthRequestResponse.From(await db.AuthRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.UserId == caller.Id, ct)
            ?? throw new NotFoundException(), origin.Host);

    /// <summary>The anonymous device's request. An unknown address gets the same 400 as a refused one: nothing leaks.</summary>
    static async Task<AuthRequestResponse> Create(AuthRequestCreateRequest request, HttpContext http, AppDbContext db, Origin origin,
        TimeProvider time, CancellationToken ct)
    {
        if (request.Type == AuthRequestType.AdminApproval)
        {
            throw new BadRequestException("You must be authenticated to create a request of that type.");
        }
        if (!int.TryParse(http.Request.Headers["Device-Type"], out var deviceType))
        {
            throw new BadRequestException("Device type not provided.");
        }
        var email = request.Email.Trim().ToLowerInvariant();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct)
            ?? throw new BadRequestException("User or known device not found.");
        var row = new AuthRequest
        {
            Id = Guid.CreateVersion7(), UserId = userId, Type = request.Type!.Value, RequestDeviceIdentifier = request.DeviceIdentifier,
            RequestDeviceType = deviceType, RequestIpAddress = http.Connection.RemoteIpAddress?.ToString(), AccessCode = request.AccessCode,
            PublicKey = request.PublicKey, CreationDate = time.GetUtcNow().UtcDateTime,
        };
        db.AuthRequests.Add(row);
        await db.SaveChangesAsync(ct);   // the user's devices are told (PushOutbox)
        return AuthRequestResponse.From(row, origin.Host);
    }

    /// <summary>The requesting device polls with its access code; a wrong code looks exactly like a missing request.</summary>
    static async Task<AuthRequestResponse> Response(Guid id, string? code, AppDbContext db, Origin origin, TimeProvider time, CancellationToken ct)
    {
        var row = await db.AuthRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (row is null || !AuthRequestLogin.CodeMatches(row, code) || row.IsExpired(time.GetUtcNow().UtcDateTime))
        {
            throw new NotFoundException();
        }
        return AuthRequestResponse.From(row, origin.Host);
    }

    /// <summary>Approve (with the wrapped user key) or deny, once, from one of the user's own devices.</summary>
    static async Task<AuthRequestResponse> Answer(Guid id, AuthRequestUpdateRequest request, AppDbContext db, CurrentUser caller,
        EventLog events, Origin origin, TimeProvider time, CancellationToken ct)
    {
        var row = await db.AuthRequests.SingleOrDefaultAsync(r => r.Id == id && r.UserId == caller.Id, ct) ?? throw new NotFoundException();
        var now = time.GetUtcNow().UtcDateTime;
        if (row.Approved is not null)
        {
            throw new BadRequestException("This request has already been answered.");
        }
        if (row.IsExpired(now))
        {
            throw new NotFoundException();
        }
        if (request.RequestApproved && (await PendingAsync(db, caller.Id, time, ct)).All(r => r.Id != id))
        {
            throw new BadRequestException("This request is no longer valid. Make sure to approve the most recent request.");
        }
        var device = await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.UserId == caller.Id && d.Identifier == request.DeviceIdentifier, ct)
            ?? throw new BadRequestException("Invalid device.");
        if (request.RequestApproved && string.IsNullOrEmpty(request.Key))
        {
            throw BadRequestException.ForField("Key", "An approval carries the user key wrapped to the request's public key.");
        }
        (row.ResponseDeviceId, row.ResponseDate, row.Approved) = (device.Id, now, request.RequestApproved);
        if (request.RequestApproved)
        {
            (row.Key, row.MasterPasswordHash) = (request.Key, request.MasterPasswordHash);
        }
        events.Add(request.RequestApproved ? EventType.AuthRequest_Approved : EventType.AuthRequest_Denied, new EventSubject(UserId: caller.Id));
        await db.SaveChangesAsync(ct);   // an approval reaches the waiting device through the anonymous hub (PushOutbox)
        return AuthRequestResponse.From(row, origin.Host);
    }
}

/// <summary>The web vault's host, which the answering app shows as where the request came from.</summary>
public sealed class Origin(IOptions<ServerOptions> server, IHttpContextAccessor http)
{
    public string Host => Uri.TryCreate(server.Value.PublicUrl, UriKind.Absolute, out var url) ? url.Host
        : http.HttpContext?.Request.Host.Host ?? "localhost";
}

/// <summary>The password grant's other credential: an approved request's access code.</summary>
public static class AuthRequestLogin
{
    public static bool CodeMatches(AuthRequest row, string? code) => code is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(row.AccessCode), Encoding.UTF8.GetBytes(code));

    /// <summary>An approved, unexpired, unused request of this user whose access code is <paramref name="code"/>.</summary>
    public static async Task<bool> IsValidAsync(AppDbContext db, string id, Guid userId, string code, DateTime now, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var requestId))
        {
            return false;
        }
        var row = await db.AuthRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct);
        return row is { Approved: true, ResponseDate: not null, AuthenticationDate: null, Type: AuthRequestType.AuthenticateAndUnlock }
            && row.UserId == userId && !row.IsExpired(now) && CodeMatches(row, code);
    }

    /// <summary>Marks the request used in one conditional update, so two logins racing with it cannot both succeed.</summary>
    public static async Task<bool> ClaimAsync(AppDbContext db, string id, DateTime now, CancellationToken ct) =>
        Guid.TryParse(id, out var requestId) && await db.AuthRequests.Where(r => r.Id == requestId && r.AuthenticationDate == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AuthenticationDate, now), ct) == 1;
}
