using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.PublicApi;

/// <summary><c>/api/public/policies</c> and <c>/api/public/events</c>, over the Admin Console's policy rules and event pages.</summary>
public static class PublicPolicyEventEndpoints
{
    public static void MapPublicPolicyEventEndpoints(this RouteGroupBuilder api)
    {
        var policies = api.MapGroup("/policies").WithTags("Policies");
        policies.MapGet("", async (PublicApiAccess access, AppDbContext db, CancellationToken ct) =>
        {
            var caller = await access.RequireAsync(ct);
            var rows = await db.Policies.Where(p => p.OrganizationId == caller.OrganizationId).OrderBy(p => p.Type).ToListAsync(ct);
            return new ListResponse<PublicPolicyResponse>([.. rows.Select(PublicPolicyResponse.From)]);
        });
        policies.MapGet("/{type}", async (PolicyType type, PublicApiAccess access, AppDbContext db, CancellationToken ct) =>
        {
            var caller = await access.RequireAsync(ct);
            PolicyEndpoints.EnsureKnown(type);
            return PublicPolicyResponse.From(await db.Policies.SingleOrDefaultAsync(p => p.OrganizationId == caller.OrganizationId && p.Type == type, ct)
                ?? new Policy { OrganizationId = caller.OrganizationId, Type = type });
        });
        policies.MapPut("/{type}", async (PolicyType type, PublicPolicyUpdateRequest request, PublicApiAccess access, AppDbContext db,
            EventLog events, TimeProvider time, Organizations.TwoFactorCompliance twoFactor, CancellationToken ct) =>
            PublicPolicyResponse.From(await PolicyEndpoints.SaveAsync(await access.RequireAsync(ct), type, request.Enabled!.Value, request.Data, db, events, time, twoFactor, ct)));

        api.MapGet("/events", Events).WithTags("Events");
    }

    /// <summary>Bitwarden's filter: a date range, optionally one acting member or one item, paged by continuation token.</summary>
    static async Task<ListResponse<PublicEventResponse>> Events(DateTime? start, DateTime? end, Guid? actingUserId, Guid? itemId,
        string? continuationToken, PublicApiAccess access, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var caller = await access.RequireAsync(ct);
        var events = db.Events.Where(e => e.OrganizationId == caller.OrganizationId);
        if (actingUserId is { } acting)
        {
            events = events.Where(e => e.ActingUserId == acting);
        }
        if (itemId is { } item)
        {
            events = events.Where(e => e.CipherId == item);
        }
        var page = await EventEndpoints.PageAsync(events, start, end, continuationToken, time, ct);
        return new([.. page.Data.Select(PublicEventResponse.From)], page.ContinuationToken);
    }
}
