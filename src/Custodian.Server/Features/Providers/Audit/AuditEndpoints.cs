using System.Globalization;
using System.Text;
using System.Text.Json;
using Custodian.Server.Features.Events;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers.Audit;

/// <summary>
/// The provider's audit roll-up: its own events and those of its clients' own members, filtered by client and by
/// technician (the provider user whose actions they are), newest first; exported whole as CSV or JSON lines. The
/// Bitwarden-shaped <c>/providers/{id}/events</c> keeps Bitwarden's meaning (provider events only).
/// </summary>
public static class AuditEndpoints
{
    const int ExportPage = 1000;

    public static RouteGroupBuilder MapProviderAuditEndpoints(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/providers/{providerId:guid}/audit").WithTags("Provider audit").RequireProviderUser();
        audit.MapGet("/events", Page).AdminOnly();
        audit.MapGet("/events/export", Export).AdminOnly();
        return audit;
    }

    static async Task<ListResponse<EventResponse>> Page(Guid providerId, DateTime? start, DateTime? end, string? continuationToken,
        Guid? organizationId, Guid? providerUserId, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await EventEndpoints.PageAsync(await ScopeAsync(db, providerId, organizationId, providerUserId, ct), start, end, continuationToken, time, ct);

    /// <summary>
    /// The events in a date range (all of them; the range is required to stay within 367 days), streamed a page at a
    /// time in (date, id) order from newest, so an export of millions holds one page in memory.
    /// </summary>
    static async Task Export(Guid providerId, DateTime? start, DateTime? end, Guid? organizationId, Guid? providerUserId, string? format,
        HttpContext http, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (format is not ("csv" or "jsonl"))
        {
            throw BadRequestException.ForField("format", "Format is csv or jsonl.");
        }
        var to = end?.ToUniversalTime() ?? time.GetUtcNow().UtcDateTime;
        var from = start?.ToUniversalTime() ?? to.AddDays(-30);
        if (from > to || to - from > TimeSpan.FromDays(367))
        {
            throw new BadRequestException("Start date must be before end date, and the range 367 days or less.");
        }
        var events = (await ScopeAsync(db, providerId, organizationId, providerUserId, ct)).AsNoTracking().Where(e => e.Date >= from && e.Date <= to);
        http.Response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"provider-events-{from:yyyyMMdd}-{to:yyyyMMdd}.{format}\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 64 * 1024);
        if (format == "csv")
        {
            await writer.WriteLineAsync(EventCsv.Header);
        }
        (DateTime Date, Guid Id)? last = null;
        while (true)
        {
            var page = events;
            if (last is { } l)
            {
                page = page.Where(e => e.Date < l.Date || (e.Date == l.Date && e.Id.CompareTo(l.Id) < 0));
            }
            var rows = await page.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).Take(ExportPage).ToListAsync(ct);
            foreach (var e in rows)
            {
                await writer.WriteLineAsync(format == "csv" ? EventCsv.Line(e) : JsonSerializer.Serialize(EventResponse.From(e), JsonDefaults.Options));
            }
            await writer.FlushAsync(ct);
            if (rows.Count < ExportPage)
            {
                return;
            }
            last = (rows[^1].Date, rows[^1].Id);
        }
    }

    /// <summary>
    /// The provider's events and its clients': one client's when <paramref name="organizationId"/> names one (404 for
    /// an org that is not its client), one technician's actions when <paramref name="providerUserId"/> names one.
    /// </summary>
    static async Task<IQueryable<Event>> ScopeAsync(AppDbContext db, Guid providerId, Guid? organizationId, Guid? providerUserId, CancellationToken ct)
    {
        var clients = db.ProviderOrganizations.Where(l => l.ProviderId == providerId).Select(l => l.OrganizationId);
        IQueryable<Event> events;
        if (organizationId is { } org)
        {
            events = await clients.ContainsAsync(org, ct) ? db.Events.Where(e => e.OrganizationId == org) : throw new NotFoundException();
        }
        else
        {
            events = db.Events.Where(e => e.ProviderId == providerId || (e.OrganizationId != null && clients.Contains(e.OrganizationId.Value)));
        }
        if (providerUserId is { } technician)
        {
            var userId = await db.ProviderUsers.Where(u => u.Id == technician && u.ProviderId == providerId).Select(u => u.UserId)
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
            events = events.Where(e => e.ActingUserId == userId);
        }
        return events;
    }
}

/// <summary>The CSV form of events: ids and facts only, as the JSON; text cells quoted and kept from spreadsheets' formula parsing.</summary>
public static class EventCsv
{
    public const string Header = "date,type,typeName,organizationId,providerId,actingUserId,userId,organizationUserId,providerUserId,cipherId,collectionId,groupId,policyId,deviceType,ipAddress,reason";

    public static string Line(Event e) => string.Join(',',
        e.Date.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture), ((int)e.Type).ToString(CultureInfo.InvariantCulture),
        e.Type.ToString(), e.OrganizationId, e.ProviderId, e.ActingUserId, e.UserId, e.OrganizationUserId, e.ProviderUserId, e.CipherId,
        e.CollectionId, e.GroupId, e.PolicyId, e.DeviceType?.ToString(CultureInfo.InvariantCulture), Cell(e.IpAddress), Cell(e.Reason));

    /// <summary>Quoted, quotes doubled, and a leading = + - @ defused with an apostrophe (CSV injection).</summary>
    public static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        if (text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
