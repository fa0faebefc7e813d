using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Features.Identity;

/// <summary>
/// Counts failed logins per account and per client IP in fixed windows, in the database so that all instances
/// share the counts. Unknown accounts are counted too, so throttling reveals nothing about which emails exist.
/// </summary>
public sealed class LoginThrottle(AppDbContext db, IOptions<LoginOptions> options, TimeProvider time)
{
    readonly LoginOptions _options = options.Value;

    public static string AccountKey(string account) => $"account:{account.Trim().ToLowerInvariant()}";

    public static string IpKey(string? ip) => $"ip:{ip ?? "unknown"}";

    public async Task<bool> IsBlockedAsync(string accountKey, string ipKey, CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime - _options.FailureWindow;
        var counts = await db.LoginAttempts.AsNoTracking()
            .Where(a => (a.Key == accountKey || a.Key == ipKey) && a.WindowStart >= since)
            .Select(a => new { a.Key, a.Failures }).ToListAsync(ct);
        return counts.Any(c => c.Key == accountKey ? c.Failures >= _options.MaxFailuresPerAccount
            : c.Failures >= _options.MaxFailuresPerIp);
    }

    public async Task RecordFailureAsync(string accountKey, string ipKey, CancellationToken ct)
    {
        await IncrementAsync(accountKey, ct);
        await IncrementAsync(ipKey, ct);
    }

    public Task ResetAsync(string accountKey, CancellationToken ct) =>
        db.LoginAttempts.Where(a => a.Key == accountKey).ExecuteDeleteAsync(ct);

    async Task IncrementAsync(string key, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now - _options.FailureWindow;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            // One atomic statement, so concurrent failures on several instances are all counted.
            var updated = await db.LoginAttempts.Where(a => a.Key == key).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Failures, a => a.WindowStart < cutoff ? 1 : a.Failures + 1)
                .SetProperty(a => a.WindowStart, a => a.WindowStart < cutoff ? now : a.WindowStart), ct);
            if (updated > 0)
            {
                return;
            }
            var row = db.LoginAttempts.Add(new LoginAttempt { Key = key, Failures = 1, WindowStart = now });
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException)
            {
                row.State = EntityState.Detached;   // someone inserted the row first: count on it in the next round
            }
        }
    }
}
