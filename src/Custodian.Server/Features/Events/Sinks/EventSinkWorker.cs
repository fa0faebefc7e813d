using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Hosting;
using Custodian.Server.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Events.Sinks;

/// <summary>
/// Delivers the outbox to the sinks, oldest events first, in batches per sink. Any number of instances may run it:
/// a batch is claimed by a conditional update that moves its next attempt past a lease, so only one instance sends
/// it, and a crashed instance's claim lapses into a retry. A failed batch waits longer each time (30 s doubling to
/// an hour); after <see cref="MaxAttempts"/> it is dropped and the sink shows why.
/// </summary>
public sealed class EventSinkWorker(IServiceScopeFactory scopes, TimeProvider time, IEnumerable<IEventSinkSender> senders,
    IDataProtectionProvider protection, IHostApplicationLifetime lifetime, ILogger<EventSinkWorker> log) : PeriodicJob(time, lifetime, log)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    public const int MaxAttempts = 60;
    const int BatchSize = 100;

    public IDataProtector Protector { get; } = protection.CreateProtector(EventSinkEndpoints.ProtectorPurpose);

    protected override TimeSpan Period => Interval;

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        while (await DeliverDueAsync(ct) > 0)
        {
        }
    }

    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, Math.Min(attempts - 1, 20)), 3600));

    /// <summary>Sends one due batch per sink; returns how many events this call delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var deliveries = db.Set<EventDelivery>();
        var now = Time.GetUtcNow().UtcDateTime;
        var sinkIds = await deliveries.Where(d => d.NextAttemptDate <= now).Select(d => d.SinkId).Distinct().OrderBy(id => id).Take(50).ToListAsync(ct);
        var delivered = 0;
        foreach (var sinkId in sinkIds)
        {
            var ids = await deliveries.Where(d => d.SinkId == sinkId && d.NextAttemptDate <= now).OrderBy(d => d.EventId)
                .Select(d => d.Id).Take(BatchSize).ToListAsync(ct);
            var claim = Guid.NewGuid();
            if (await deliveries.Where(d => ids.Contains(d.Id) && d.NextAttemptDate <= now)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimId, claim).SetProperty(d => d.NextAttemptDate, now + Lease), ct) == 0)
            {
                continue;   // another instance got there first
            }
            delivered += await SendClaimedAsync(db, sinkId, claim, now, ct);
        }
        return delivered;
    }

    async Task<int> SendClaimedAsync(AppDbContext db, Guid sinkId, Guid claim, DateTime now, CancellationToken ct)
    {
        var deliveries = db.Set<EventDelivery>();
        var sink = await db.Set<EventSink>().SingleOrDefaultAsync(s => s.Id == sinkId, ct);
        var claimed = deliveries.Where(d => d.ClaimId == claim);
        if (sink is null || !sink.Enabled)
        {
            await claimed.ExecuteDeleteAsync(ct);   // a sink turned off owes nothing it missed meanwhile
            return 0;
        }
        var events = await (from d in claimed join e in db.Events on d.EventId equals e.Id orderby e.Date, e.Id select e).AsNoTracking().ToListAsync(ct);
        var attempts = await claimed.Select(d => d.Attempts).MaxAsync(ct) + 1;
        try
        {
            var sender = senders.Single(s => s.Kind == sink.Kind);
            await sender.SendAsync(sink, sink.Secret is null ? null : SecretsAtRest.Reveal(Protector, sink.Secret),
                [.. events.Select(EventResponse.From)], ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning("Event sink {SinkId} failed (attempt {Attempts}): {Error}", sinkId, attempts, ex.Message);
            sink.LastError = Truncate(attempts >= MaxAttempts ? $"Dropped {events.Count} events after {attempts} attempts: {ex.Message}" : ex.Message);
            if (attempts >= MaxAttempts)
            {
                await claimed.ExecuteDeleteAsync(ct);
            }
            else
            {
                await claimed.ExecuteUpdateAsync(s => s.SetProperty(d => d.Attempts, attempts).SetProperty(d => d.ClaimId, (Guid?)null)
                    .SetProperty(d => d.NextAttemptDate, now + Backoff(attempts)), ct);
            }
            await db.SaveChangesAsync(ct);
            return 0;
        }
        await claimed.ExecuteDeleteAsync(ct);
        sink.LastError = null;
        sink.LastDeliveryDate = now;
        await db.SaveChangesAsync(ct);
        return events.Count;
    }

    static string Truncate(string s) => s.Length > 500 ? s[..500] : s;
}
