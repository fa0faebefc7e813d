using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Events;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.EmergencyAccess;

/// <summary>
/// Grants recoveries whose waiting period passed without an answer from the grantor (Bitwarden's
/// EmergencyAccessTimeoutJob), and reminds the grantor during the last day of the wait (Bitwarden's
/// EmergencyAccessNotificationJob), once a minute. Every instance may run it: each row is claimed by one conditional
/// UPDATE, so only the instance that moved it mails and logs.
/// </summary>
public sealed class EmergencyAccessTimeoutJob(IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime,
    ILogger<EmergencyAccessTimeoutJob> logger) : PeriodicJob(time, lifetime, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override TimeSpan Period => Interval;

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await ApproveTimedOutAsync(ct);
        await SendRemindersAsync(ct);
    }

    /// <summary>Approves every recovery past its wait; returns how many this call approved.</summary>
    public async Task<int> ApproveTimedOutAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Time.GetUtcNow().UtcDateTime;
        var started = await StartedAsync(db, ct);
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
            var (grantor, grantee) = await PeopleAsync(db, row, ct);
            var mail = scope.ServiceProvider.GetRequiredService<EmergencyAccessMail>();
            await mail.RecoveryApprovedAsync(row, grantor, grantee, ct);
            await mail.RecoveryTimedOutAsync(row, grantor, grantee, ct);
        }
        return approved;
    }

    /// <summary>
    /// Reminds each grantor whose recovery is granted within a day, at most once a day (<c>LastNotificationDate</c>,
    /// which starting the recovery sets); returns how many this call sent. The claim compares the date it read, so
    /// of two instances only one moves it and mails.
    /// </summary>
    public async Task<int> SendRemindersAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Time.GetUtcNow().UtcDateTime;
        var started = await StartedAsync(db, ct);
        var sent = 0;
        foreach (var row in started.Where(e => e.RecoveryInitiatedDate is { } start && start.AddDays(e.WaitTimeDays - 1) <= now
            && (e.LastNotificationDate is not { } last || last.AddDays(1) <= now)))
        {
            var last = row.LastNotificationDate;
            var claimed = await db.EmergencyContacts
                .Where(e => e.Id == row.Id && e.Status == EmergencyAccessStatus.RecoveryInitiated && e.LastNotificationDate == last)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastNotificationDate, now), ct);
            if (claimed == 0)
            {
                continue;
            }
            sent++;
            var (grantor, grantee) = await PeopleAsync(db, row, ct);
            await scope.ServiceProvider.GetRequiredService<EmergencyAccessMail>().RecoveryReminderAsync(row, grantor, grantee,
                row.RecoveryInitiatedDate!.Value.AddDays(row.WaitTimeDays), ct);
        }
        return sent;
    }

    /// <summary>Started recoveries are few; the wait is compared in memory, where both databases' date arithmetic agree.</summary>
    static Task<List<EmergencyContact>> StartedAsync(AppDbContext db, CancellationToken ct) =>
        db.EmergencyContacts.AsNoTracking().Where(e => e.Status == EmergencyAccessStatus.RecoveryInitiated).ToListAsync(ct);

    static async Task<(User Grantor, User Grantee)> PeopleAsync(AppDbContext db, EmergencyContact row, CancellationToken ct)
    {
        var people = await db.Users.AsNoTracking().Where(u => u.Id == row.GrantorId || u.Id == row.GranteeId).ToDictionaryAsync(u => u.Id, ct);
        return (people[row.GrantorId], people[row.GranteeId!.Value]);
    }
}
