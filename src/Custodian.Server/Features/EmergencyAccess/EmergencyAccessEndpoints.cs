using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.EmergencyAccess;

/// <summary>
/// Bitwarden's <c>EmergencyAccessController</c> (<c>/api/emergency-access</c>): the grantor invites, confirms,
/// approves or rejects; the grantee accepts, initiates, then views or takes over once approved (by the grantor or
/// by <see cref="EmergencyAccessTimeoutJob"/> after the wait). Every success is an empty or JSON 200.
/// </summary>
public static class EmergencyAccessEndpoints
{
    public static RouteGroupBuilder MapEmergencyAccessEndpoints(this RouteGroupBuilder api)
    {
        var ea = api.MapGroup("/emergency-access").WithTags("EmergencyAccess");
        ea.MapGet("/trusted", Trusted);
        ea.MapGet("/granted", Granted);
        ea.MapGet("/{id:guid}", Get);
        ea.MapGet("/{id:guid}/policies", (Guid id, EmergencyRecovery r, CancellationToken ct) => r.PoliciesAsync(id, ct));
        ea.MapPut("/{id:guid}", Update);
        ea.MapPost("/{id:guid}", Update);   // legacy alias (older web vaults)
        ea.MapDelete("/{id:guid}", Delete);
        ea.MapPost("/{id:guid}/delete", Delete);   // legacy alias
        ea.MapPost("/invite", (EmergencyAccessInviteRequest request, EmergencyAccessService s, CancellationToken ct) => s.InviteAsync(request, ct));
        ea.MapPost("/{id:guid}/reinvite", (Guid id, EmergencyAccessService s, CancellationToken ct) => s.ReinviteAsync(id, ct));
        ea.MapPost("/{id:guid}/accept", (Guid id, EmergencyAccessAcceptRequest request, EmergencyAccessService s, CancellationToken ct) =>
            s.AcceptAsync(id, request.Token, ct));
        ea.MapPost("/{id:guid}/confirm", (Guid id, EmergencyAccessConfirmRequest request, EmergencyAccessService s, CancellationToken ct) =>
            s.ConfirmAsync(id, request.Key, ct));
        ea.MapPost("/{id:guid}/initiate", (Guid id, EmergencyAccessService s, CancellationToken ct) => s.InitiateAsync(id, ct));
        ea.MapPost("/{id:guid}/approve", (Guid id, EmergencyAccessService s, CancellationToken ct) => s.DecideAsync(id, approve: true, ct));
        ea.MapPost("/{id:guid}/reject", (Guid id, EmergencyAccessService s, CancellationToken ct) => s.DecideAsync(id, approve: false, ct));
        ea.MapPost("/{id:guid}/takeover", (Guid id, EmergencyRecovery r, CancellationToken ct) => r.TakeoverAsync(id, ct));
        ea.MapPost("/{id:guid}/password", (Guid id, EmergencyAccessPasswordRequest request, EmergencyRecovery r, CancellationToken ct) =>
            r.SetPasswordAsync(id, request, ct));
        ea.MapPost("/{id:guid}/view", (Guid id, EmergencyRecovery r, CancellationToken ct) => r.ViewAsync(id, ct));
        ea.MapGet("/{id:guid}/{cipherId:guid}/attachment/{attachmentId}", (Guid id, Guid cipherId, string attachmentId, EmergencyRecovery r,
            CancellationToken ct) => r.AttachmentAsync(id, cipherId, attachmentId, ct));
        return ea;
    }

    /// <summary>The caller's trusted contacts (as grantor).</summary>
    static async Task<ListResponse<EmergencyAccessGranteeDetailsResponse>> Trusted(AppDbContext db, CurrentUser caller, CancellationToken ct)
    {
        var rows = await db.EmergencyContacts.AsNoTracking().Where(e => e.GrantorId == caller.Id).OrderBy(e => e.Id).ToListAsync(ct);
        var people = await PeopleAsync(db, rows.Select(e => e.GranteeId).OfType<Guid>(), ct);
        return new(rows.ConvertAll(e => EmergencyAccessGranteeDetailsResponse.From(e, e.GranteeId is { } g ? people.GetValueOrDefault(g) : null)));
    }

    /// <summary>The accounts the caller is a contact for (as grantee).</summary>
    static async Task<ListResponse<EmergencyAccessGrantorDetailsResponse>> Granted(AppDbContext db, CurrentUser caller, CancellationToken ct)
    {
        var rows = await db.EmergencyContacts.AsNoTracking().Where(e => e.GranteeId == caller.Id).OrderBy(e => e.Id).ToListAsync(ct);
        var people = await PeopleAsync(db, rows.Select(e => e.GrantorId), ct);
        return new(rows.ConvertAll(e => EmergencyAccessGrantorDetailsResponse.From(e, people[e.GrantorId])));
    }

    static Task<Dictionary<Guid, User>> PeopleAsync(AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
    }

    /// <summary>One of the caller's trusted contacts (grantor only, as in Bitwarden).</summary>
    static async Task<EmergencyAccessGranteeDetailsResponse> Get(Guid id, EmergencyAccessService s, AppDbContext db, CancellationToken ct)
    {
        var row = await s.AsGrantorAsync(id, ct);
        var grantee = row.GranteeId is { } g ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == g, ct) : null;
        return EmergencyAccessGranteeDetailsResponse.From(row, grantee);
    }

    static Task Update(Guid id, EmergencyAccessUpdateRequest request, EmergencyAccessService s, CancellationToken ct) =>
        s.UpdateAsync(id, request, ct);

    static Task Delete(Guid id, EmergencyAccessService s, CancellationToken ct) => s.DeleteAsync(id, ct);
}
