using Custodian.Server.Features.Events;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers.Assignments;

/// <summary>
/// Records the end of time-boxed access and makes the technician resync, so the items leave their devices. Serving
/// stops at <c>ExpiresAt</c> without it (reach checks the time on every request); this only writes down what the
/// clock already decided. Any number of instances may run it: each grant is claimed by a conditional UPDATE inside
/// the transaction that writes its event, so exactly one instance records it.
/// </summary>
public sealed class GrantExpiry(IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<GrantExpiry> log)
    : PeriodicJob(time, lifetime, log)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override TimeSpan Period => Interval;

    protected override Task RunOnceAsync(CancellationToken ct) => ExpireDueAsync(ct);

    /// <summary>Expires every grant whose time is up; returns how many this call recorded.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var events = scope.ServiceProvider.GetRequiredService<EventLog>();
        var now = Time.GetUtcNow().UtcDateTime;
        var due = await db.ProviderAccessGrants.AsNoTracking()
            .Where(g => g.Status == AccessGrantStatus.Approved && g.ExpiresAt <= now).OrderBy(g => g.ExpiresAt).Take(500).ToListAsync(ct);
        var expired = 0;
        foreach (var grant in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.ProviderAccessGrants.Where(g => g.Id == grant.Id && g.Status == AccessGrantStatus.Approved)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.Status, AccessGrantStatus.Expired).SetProperty(g => g.RevisionDate, now), ct);
            if (claimed == 0)
            {
                continue;   // another instance, or a revoke, got there first
            }
            var technician = db.ProviderUsers.Where(u => u.Id == grant.ProviderUserId && u.UserId != null).Select(u => u.UserId!.Value);
            await db.Users.Where(u => technician.Contains(u.Id)).ExecuteUpdateAsync(s => s.SetProperty(u => u.AccountRevisionDate, now), ct);
            AccessEvents.Add(events, EventType.ProviderAccess_Expired, grant.ProviderId, grant.ProviderUserId,
                await technician.Cast<Guid?>().FirstOrDefaultAsync(ct), grant.OrganizationId, grant.Reason);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            expired++;
        }
        return expired;
    }
}
