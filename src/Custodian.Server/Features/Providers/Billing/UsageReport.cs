using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Custodian.Server.Features.Providers.Audit;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers.Billing;

/// <summary>
/// One client's month as a PSA tool imports it: <see cref="Seats"/> is the month's peak of occupied seats (what an
/// MSP bills), with the average and the days recorded beside it.
/// </summary>
public sealed record ClientUsageResponse(string ClientName, string? ExternalId, Guid OrganizationId, string Period, DateTime PeriodStart,
    DateTime PeriodEnd, int Seats, decimal AverageSeats, int? AssignedSeats, int DaysRecorded) : ResponseModel("clientUsage");

public sealed record ClientBillingRequest([property: StringLength(100)] string? ExternalId) : IRequestModel;

/// <summary>The monthly usage report: per client, a page at a time in client id order, or the whole month as CSV.</summary>
public static class UsageReport
{
    public const string CsvHeader = "client_name,external_id,organization_id,period,period_start,period_end,seats,average_seats,assigned_seats,days_recorded";
    const int CsvPage = 1000;

    /// <summary>"2026-12" as [first day, first day of the next month); a 400 naming the field for anything else.</summary>
    public static (DateTime Start, DateTime End, string Name) ParsePeriod(string? period, TimeProvider time)
    {
        if (period is null)
        {
            var now = time.GetUtcNow().UtcDateTime;
            period = $"{now.Year:D4}-{now.Month:D2}";
        }
        if (!DateTime.TryParseExact(period, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start))
        {
            throw BadRequestException.ForField("period", "The period is a month, as yyyy-MM.");
        }
        start = DateTime.SpecifyKind(start, DateTimeKind.Utc);
        return (start, start.AddMonths(1), period);
    }

    /// <summary>Up to <paramref name="size"/> clients after <paramref name="after"/>: one grouped query and one for names.</summary>
    public static async Task<List<ClientUsageResponse>> PageAsync(AppDbContext db, Guid providerId, (DateTime Start, DateTime End, string Name) period,
        Guid? after, int size, CancellationToken ct)
    {
        var usage = db.Set<ClientSeatUsage>().Where(u => u.ProviderId == providerId && u.Day >= period.Start && u.Day < period.End);
        if (after is { } a)
        {
            usage = usage.Where(u => u.OrganizationId.CompareTo(a) > 0);
        }
        var groups = await usage.GroupBy(u => u.OrganizationId)
            .Select(g => new
            {
                OrganizationId = g.Key, Seats = g.Max(u => u.OccupiedSeats), Total = g.Sum(u => u.OccupiedSeats), Days = g.Count(),
                Assigned = g.Max(u => u.AssignedSeats), Name = g.Max(u => u.ClientName),
            })
            .OrderBy(g => g.OrganizationId).Take(size).ToListAsync(ct);
        var ids = groups.Select(g => g.OrganizationId).ToList();
        var names = await db.Organizations.Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var external = await db.Set<ClientBillingReference>().Where(r => ids.Contains(r.OrganizationId) && r.ProviderId == providerId)
            .ToDictionaryAsync(r => r.OrganizationId, r => r.ExternalId, ct);
        return [.. groups.Select(g => new ClientUsageResponse(names.GetValueOrDefault(g.OrganizationId) ?? g.Name!, external.GetValueOrDefault(g.OrganizationId),
            g.OrganizationId, period.Name, period.Start, period.End.AddDays(-1), g.Seats, Math.Round((decimal)g.Total / g.Days, 2), g.Assigned, g.Days))];
    }

    public static async Task<ListResponse<ClientUsageResponse>> ListAsync(AppDbContext db, Guid providerId, string? period, string? continuationToken,
        int? pageSize, TimeProvider time, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize ?? 500, 1, 1000);
        Guid? after = null;
        if (!string.IsNullOrEmpty(continuationToken))
        {
            after = Guid.TryParse(continuationToken, out var id) ? id : throw BadRequestException.ForField("continuationToken", "Invalid continuation token.");
        }
        var page = await PageAsync(db, providerId, ParsePeriod(period, time), after, size + 1, ct);
        return new([.. page.Take(size)], page.Count > size ? page[size - 1].OrganizationId.ToString() : null);
    }

    /// <summary>The whole month as CSV, streamed a page at a time.</summary>
    public static async Task WriteCsvAsync(HttpContext http, AppDbContext db, Guid providerId, string? period, TimeProvider time, CancellationToken ct)
    {
        var month = ParsePeriod(period, time);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"usage-{month.Name}.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 64 * 1024);
        await writer.WriteLineAsync(CsvHeader);
        Guid? after = null;
        while (true)
        {
            var page = await PageAsync(db, providerId, month, after, CsvPage, ct);
            foreach (var u in page)
            {
                await writer.WriteLineAsync(string.Join(',', EventCsv.Cell(u.ClientName), EventCsv.Cell(u.ExternalId), u.OrganizationId, u.Period,
                    u.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), u.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    u.Seats.ToString(CultureInfo.InvariantCulture), u.AverageSeats.ToString(CultureInfo.InvariantCulture),
                    u.AssignedSeats?.ToString(CultureInfo.InvariantCulture), u.DaysRecorded.ToString(CultureInfo.InvariantCulture)));
            }
            await writer.FlushAsync(ct);
            if (page.Count < CsvPage)
            {
                return;
            }
            after = page[^1].OrganizationId;
        }
    }
}

/// <summary>Billing data for provider admins: the monthly usage report (JSON pages, CSV download) and clients' PSA ids.</summary>
public static class BillingEndpoints
{
    public static RouteGroupBuilder MapProviderBillingEndpoints(this RouteGroupBuilder api)
    {
        var billing = api.MapGroup("/providers/{providerId:guid}/billing").WithTags("Provider billing").RequireProviderUser();
        billing.MapGet("/usage", (Guid providerId, string? period, string? continuationToken, int? pageSize, AppDbContext db, TimeProvider time,
            CancellationToken ct) => UsageReport.ListAsync(db, providerId, period, continuationToken, pageSize, time, ct)).AdminOnly();
        billing.MapGet("/usage.csv", (Guid providerId, string? period, HttpContext http, AppDbContext db, TimeProvider time, CancellationToken ct) =>
            UsageReport.WriteCsvAsync(http, db, providerId, period, time, ct)).AdminOnly();
        billing.MapPut("/clients/{organizationId:guid}", SetReference).AdminOnly();
        return billing;
    }

    static async Task SetReference(Guid providerId, Guid organizationId, ClientBillingRequest request, AppDbContext db, CancellationToken ct)
    {
        if (!await db.ProviderOrganizations.AnyAsync(l => l.OrganizationId == organizationId && l.ProviderId == providerId, ct))
        {
            throw new NotFoundException();
        }
        var existing = await db.Set<ClientBillingReference>().SingleOrDefaultAsync(r => r.OrganizationId == organizationId, ct);
        var externalId = string.IsNullOrWhiteSpace(request.ExternalId) ? null : request.ExternalId.Trim();
        if (externalId is null)
        {
            if (existing is not null)
            {
                db.Remove(existing);
            }
        }
        else if (existing is null)
        {
            db.Add(new ClientBillingReference { OrganizationId = organizationId, ProviderId = providerId, ExternalId = externalId });
        }
        else
        {
            (existing.ProviderId, existing.ExternalId) = (providerId, externalId);
        }
        await db.SaveChangesAsync(ct);
    }
}
