using System.Globalization;
using System.Text;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Features.Vault;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Events;

public sealed record EventResponse(EventType Type, Guid? UserId, Guid? OrganizationId, Guid? ProviderId, Guid? CipherId,
    Guid? CollectionId, Guid? GroupId, Guid? PolicyId, Guid? OrganizationUserId, Guid? ProviderUserId, Guid? ProviderOrganizationId,
    Guid? ActingUserId, DateTime Date, int? DeviceType, string? IpAddress, int? SystemUser, string? Reason = null) : ResponseModel("event")
{
    public static EventResponse From(Event e) => new(e.Type, e.UserId, e.OrganizationId, e.ProviderId, e.CipherId, e.CollectionId,
        e.GroupId, e.PolicyId, e.OrganizationUserId, e.ProviderUserId, e.ProviderOrganizationId, e.ActingUserId, e.Date, e.DeviceType,
        e.IpAddress, null, e.Reason);
}

/// <summary>The event log: the caller's account, an org's, one member's actions, one item's history; newest first, 100 a page.</summary>
public static class EventEndpoints
{
    public const int PageSize = 100;
    static readonly TimeSpan MaxRange = TimeSpan.FromDays(367);

    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/events", UserEvents).WithTags("Events");
        api.MapGet("/organizations/{id:guid}/events", OrganizationEvents).WithTags("Events");
        api.MapGet("/organizations/{organizationId:guid}/users/{id:guid}/events", MemberEvents).WithTags("Events");
        api.MapGet("/ciphers/{id:guid}/events", CipherEvents).WithTags("Events");
        return api;
    }

    /// <summary>
    /// Bitwarden's <c>GET /events</c> (<c>EventsController.GetUser</c>): the caller's own account log, the events
    /// outside any org or provider log that the caller did or that concern the caller's account (emergency access,
    /// two-step login, logins, password changes). What the caller did in an org stays in that org's log.
    /// </summary>
    static Task<ListResponse<EventResponse>> UserEvents(DateTime? start, DateTime? end, string? continuationToken, CurrentUser caller,
        AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var me = caller.Id;
        return PageAsync(db.Events.Where(e => e.OrganizationId == null && e.ProviderId == null && (e.UserId == me || e.ActingUserId == me)),
            start, end, continuationToken, time, ct);
    }

    static readonly Func<OrgCaller, bool> MayReadLog = c => c.Organization.UseEvents && c.CanAccessEventLogs;

    static async Task<ListResponse<EventResponse>> OrganizationEvents(Guid id, DateTime? start, DateTime? end, string? continuationToken,
        OrganizationAccess access, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        await access.RequireAsync(id, MayReadLog, ct);
        return await PageAsync(db.Events.Where(e => e.OrganizationId == id), start, end, continuationToken, time, ct);
    }

    /// <summary>What one member did in the org.</summary>
    static async Task<ListResponse<EventResponse>> MemberEvents(Guid organizationId, Guid id, DateTime? start, DateTime? end,
        string? continuationToken, OrganizationAccess access, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        await access.RequireAsync(organizationId, MayReadLog, ct);
        var member = await db.OrganizationUsers.SingleOrDefaultAsync(m => m.Id == id && m.OrganizationId == organizationId, ct)
            ?? throw new NotFoundException();
        var userId = member.UserId;
        return await PageAsync(db.Events.Where(e => e.OrganizationId == organizationId && (e.ActingUserId == userId || e.OrganizationUserId == id)),
            start, end, continuationToken, time, ct);
    }

    /// <summary>One org item's history, for those who may read its org's log.</summary>
    static async Task<ListResponse<EventResponse>> CipherEvents(Guid id, DateTime? start, DateTime? end, string? continuationToken,
        OrganizationAccess access, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var organizationId = await db.Ciphers.Where(c => c.Id == id).Select(c => c.OrganizationId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        await access.RequireAsync(organizationId, MayReadLog, ct);
        return await PageAsync(db.Events.Where(e => e.CipherId == id && e.OrganizationId == organizationId), start, end, continuationToken, time, ct);
    }

    public static async Task<ListResponse<EventResponse>> PageAsync(IQueryable<Event> events, DateTime? start, DateTime? end, string? continuationToken,
        TimeProvider time, CancellationToken ct)
    {
        var to = end?.ToUniversalTime() ?? time.GetUtcNow().UtcDateTime;
        var from = start?.ToUniversalTime() ?? to.AddDays(-30);
        if (from > to)
        {
            throw new BadRequestException("Start date must be before end date.");
        }
        if (to - from > MaxRange)
        {
            throw new BadRequestException("Date range must be 367 days or less.");
        }
        var query = events.Where(e => e.Date >= from && e.Date <= to);
        var (after, skip) = continuationToken is null ? (to, 0) : ParseToken(continuationToken);
        var page = await query.AsNoTracking().Where(e => e.Date <= after).OrderByDescending(e => e.Date).ThenByDescending(e => e.Id)
            .Skip(skip).Take(PageSize + 1).ToListAsync(ct);
        string? next = null;
        if (page.Count > PageSize)
        {
            var last = page[PageSize - 1].Date;
            // Events sharing the last date: those already served are skipped next time, so none is lost or repeated.
            var servedAtLast = page.Take(PageSize).Count(e => e.Date == last) + (last == after ? skip : 0);
            next = Convert.ToBase64String(Encoding.UTF8.GetBytes(
                $"{last.Ticks.ToString(CultureInfo.InvariantCulture)}|{servedAtLast.ToString(CultureInfo.InvariantCulture)}"));
        }
        return new([.. page.Take(PageSize).Select(EventResponse.From)], next);
    }

    /// <summary>Where the next page starts: a date, and how many events at exactly that date were already served.</summary>
    static (DateTime Date, int Skip) ParseToken(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|');
            var skip = int.Parse(parts[1], CultureInfo.InvariantCulture);
            return skip < 0 ? throw new FormatException() : (new DateTime(long.Parse(parts[0], CultureInfo.InvariantCulture), DateTimeKind.Utc), skip);
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException)
        {
            throw BadRequestException.ForField("ContinuationToken", "Invalid continuation token.");
        }
    }
}
