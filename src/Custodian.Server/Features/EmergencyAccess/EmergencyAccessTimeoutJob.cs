using Custodian.Server.Features.Events;
using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.EmergencyAccess;

/// <summary>
/// Grants recoveries whose waiting period passed without an answer from the grantor (Bitwarden's
/// EmergencyAccessTimeoutJob), once a minute. Every instance may run it: each row is claimed by one conditional
/// UPDATE (still RecoveryInitiated), so only the instance that moved it mails and logs.
/// </summary>
public sealed class EmergencyAccessTimeoutJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<EmergencyAccessTimeoutJob> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await ApproveTimedOutAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Granting timed-out emergency access failed; the next run tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Approves every recovery past its wait; returns how many this call approved.</summary>
    public async Task<int> ApproveTimedOutAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        // Started recoveries are few; the wait is compared here, where both databases' date arithmetic agree.
        var started = await db.EmergencyContacts.AsNoTracking().Where(e => e.Status == EmergencyAccessStatus.RecoveryInitiated)
            .ToListAsync(ct);
        var approved = 0;
        foreach (var row in started.Where(e => e.RecoveryInitiatedDate is { } start && start.AddDays(e.WaitTimeDays) <= now))
        {
            var claimed = await db.EmergencyContacts.Where(e => e.Id == row.Id && e.Status == EmergencyAccessStatus.RecoveryInitiated)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EmergencyAccessStatus.RecoveryApproved).SetProperty(e => e.RevisionDate, now), ct);
            if (claimed == 0)
            {
                continue;   // another instance, or the grantor, answered first
            }
            approved++;
            row.Status = EmergencyAccessStatus.RecoveryApproved;
            scope.ServiceProvider.GetRequiredService<EventLog>().Add(EventType.EmergencyAccess_RecoveryTimedOut, new EventSubject(UserId: row.GrantorId));
            await db.SaveChangesAsync(ct);
            var people = await db.Users.AsNoTracking().Where(u => u.Id == row.GrantorId || u.Id == row.GranteeId).ToDictionaryAsync(u => u.Id, ct);
            var (grantor, grantee) = (people[row.GrantorId], people[row.GranteeId!.Value]);
            var mail = scope.ServiceProvider.GetRequiredService<EmergencyAccessMail>();
            await mail.RecoveryApprovedAsync(row, grantor, grantee, ct);
            await mail.RecoveryTimedOutAsync(row, grantor, grantee, ct);
        }
        return approved;
    }
}
