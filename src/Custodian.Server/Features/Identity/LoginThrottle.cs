using System.Security.Cryptography;
using System.Text;
using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Features.Identity;

/// <summary>The counters one login attempt touches: the account from this address, the account, the address.</summary>
public sealed record LoginThrottleKeys(string AccountAtAddress, string Account, string Address)
{
    public static LoginThrottleKeys For(string account, string? address)
    {
        var (who, from) = (account.Trim().ToLowerInvariant(), address ?? "unknown");
        return new(Key("account-ip", $"{who}\n{from}"), Key("account", who), Key("ip", from));
    }

    /// <summary>Hashed: any form value fits the column, and the table keeps no list of guessed emails.</summary>
    public static string Key(string kind, string value) =>
        $"{kind}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))}";
}

/// <summary>What the throttle says about one attempt: refused outright, or answered only after a pause.</summary>
public readonly record struct ThrottleVerdict(bool Blocked, TimeSpan Delay);

/// <summary>
/// Counts failed logins in fixed windows, in the database so that every instance shares the counts. The hard limits
/// are per account from one address and per address, so someone guessing at an account from elsewhere never locks its
/// owner out; across addresses the account is slowed down (a pause before every attempt grows with its failures) and
/// capped high enough that only an attacker with many addresses reaches it. Unknown accounts are counted too, so
/// throttling reveals nothing about which emails exist.
/// </summary>
public sealed class LoginThrottle(AppDbContext db, IOptions<LoginOptions> options, TimeProvider time)
{
    /// <summary>The pause stops growing after this many steps.</summary>
    const int MaxDelaySteps = 10;

    readonly LoginOptions _options = options.Value;

    public async Task<ThrottleVerdict> CheckAsync(LoginThrottleKeys keys, CancellationToken ct)
    {
        var counts = await CountsAsync([keys.AccountAtAddress, keys.Account, keys.Address], ct);
        var accountFailures = counts.GetValueOrDefault(keys.Account);
        if (counts.GetValueOrDefault(keys.AccountAtAddress) >= _options.MaxFailuresPerAccountAndIp
            || accountFailures >= _options.MaxFailuresPerAccount || counts.GetValueOrDefault(keys.Address) >= _options.MaxFailuresPerIp)
        {
            return new ThrottleVerdict(true, TimeSpan.Zero);
        }
        var steps = Math.Min(accountFailures - _options.MaxFailuresPerAccountAndIp + 1, MaxDelaySteps);
        return new ThrottleVerdict(false, steps > 0 ? _options.FailureDelay * steps : TimeSpan.Zero);
    }

    public async Task RecordFailureAsync(LoginThrottleKeys keys, CancellationToken ct)
    {
        await IncrementAsync(keys.AccountAtAddress, ct);
        await IncrementAsync(keys.Account, ct);
        await IncrementAsync(keys.Address, ct);
    }

    /// <summary>
    /// A success clears only its own address's count for the account: what others tried against it keeps slowing them.
    /// </summary>
    public Task ResetAsync(LoginThrottleKeys keys, CancellationToken ct) =>
        db.LoginAttempts.Where(a => a.Key == keys.AccountAtAddress).ExecuteDeleteAsync(ct);

    /// <summary>Wrong <c>/admin</c> tokens, per address: the token is one secret for the whole server.</summary>
    public async Task<bool> IsAdminBlockedAsync(string? address, CancellationToken ct) =>
        (await CountsAsync([AdminKey(address)], ct)).GetValueOrDefault(AdminKey(address)) >= _options.MaxAdminFailuresPerIp;

    public Task RecordAdminFailureAsync(string? address, CancellationToken ct) => IncrementAsync(AdminKey(address), ct);

    static string AdminKey(string? address) => LoginThrottleKeys.Key("admin-ip", address ?? "unknown");

    async Task<Dictionary<string, int>> CountsAsync(string[] keys, CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime - _options.FailureWindow;
        return await db.LoginAttempts.AsNoTracking().Where(a => keys.Contains(a.Key) && a.WindowStart >= since)
            .ToDictionaryAsync(a => a.Key, a => a.Failures, ct);
    }

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
