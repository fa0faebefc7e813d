using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers.Billing;

/// <summary>
/// Records every client's seats once a day (UTC). Any number of instances may run it: the day's run row is claimed
/// by a conditional update with a lease, so one instance records while the others skip, and a crashed instance's
/// lease lapses so another resumes (clients already recorded that day are skipped; the unique index guards the
/// rest). Ticks hourly, so a day missed while the server was down is recorded when it comes back, for that day.
/// </summary>
public sealed class SeatUsageRecorder(IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<SeatUsageRecorder> log)
    : PeriodicJob(time, lifetime, log)
{
    static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);
    const int Batch = 1000;

    protected override TimeSpan Period => TimeSpan.FromHours(1);

    protected override Task RunOnceAsync(CancellationToken ct) => RecordTodayAsync(ct);

    /// <summary>Records today's usage unless done or claimed elsewhere; returns how many clients this call recorded.</summary>
    public async Task<int> RecordTodayAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Time.GetUtcNow().UtcDateTime;
        var day = now.Date;
        var runs = db.Set<SeatUsageRun>();
        if (!await runs.AnyAsync(r => r.Day == day, ct))
        {
            try
            {
                runs.Add(new SeatUsageRun { Day = day });
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();   // another instance made the row first; the claim below decides
            }
        }
        var claimed = await runs.Where(r => r.Day == day && r.CompletedDate == null && (r.ClaimedUntil == null || r.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedUntil, now + Lease), ct);
        if (claimed == 0)
        {
            return 0;
        }
        var recorded = 0;
        while (true)
        {
            // Clients not yet recorded today, with their figures, a batch at a time.
            var batch = await (from l in db.ProviderOrganizations
                               join o in db.Organizations on l.OrganizationId equals o.Id
                               where !db.Set<ClientSeatUsage>().Any(u => u.OrganizationId == o.Id && u.Day == day)
                               orderby o.Id
                               select new
                               {
                                   l.ProviderId, OrganizationId = o.Id, o.Name, o.Seats,
                                   Occupied = db.OrganizationUsers.Count(m => m.OrganizationId == o.Id && m.Status != OrganizationUserStatus.Revoked),
                               }).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }
            db.AddRange(batch.Select(c => new ClientSeatUsage
            {
                Id = Guid.CreateVersion7(), ProviderId = c.ProviderId, OrganizationId = c.OrganizationId, ClientName = c.Name, Day = day,
                AssignedSeats = c.Seats, OccupiedSeats = c.Occupied, CreationDate = now,
            }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            recorded += batch.Count;
        }
        await runs.Where(r => r.Day == day).ExecuteUpdateAsync(s => s.SetProperty(r => r.CompletedDate, now), ct);
        return recorded;
    }
}
