using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.TwoFactor;

/// <summary>Secrets of the authenticator method; of the email method; of the WebAuthn method.</summary>
public sealed record AuthenticatorData(string Key);
public sealed record EmailData(string? Email, string? PendingEmail);

/// <summary>
/// A user's two-step login methods: reading and writing their protected secrets, turning methods on and off (each an
/// event, each voiding "remember me" tokens), the recovery code, and one-time-code checks that refuse replays.
/// </summary>
public sealed class TwoFactorService(AppDbContext db, IDataProtectionProvider protection, EventLog events, TimeProvider time,
    TwoFactorCompliance compliance)
{
    public const string Purpose = "Custodian.TwoFactor";
    readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    /// <summary>Whether the user has any method on: the one definition member lists, profile and policies share.</summary>
    public static IQueryable<TwoFactorMethod> EnabledMethods(AppDbContext db, Guid userId) =>
        db.TwoFactorMethods.Where(m => m.UserId == userId && m.Enabled);

    public Task<bool> IsEnabledAsync(Guid userId, CancellationToken ct) => EnabledMethods(db, userId).AnyAsync(ct);

    public Task<List<TwoFactorMethod>> EnabledAsync(Guid userId, CancellationToken ct) =>
        EnabledMethods(db, userId).OrderBy(m => m.Type).ToListAsync(ct);

    public Task<TwoFactorMethod?> FindAsync(Guid userId, TwoFactorProviderType type, CancellationToken ct) =>
        db.TwoFactorMethods.SingleOrDefaultAsync(m => m.UserId == userId && m.Type == type, ct);

    public T Read<T>(TwoFactorMethod method) => JsonSerializer.Deserialize<T>(_protector.Unprotect(method.Data))!;

    public string Protect<T>(T data) => _protector.Protect(JsonSerializer.Serialize(data));

    /// <summary>Stages the method (new or changed) with its secrets; <paramref name="enable"/> turns it on.</summary>
    public async Task<TwoFactorMethod> SaveAsync<T>(User user, TwoFactorProviderType type, T data, bool enable, CancellationToken ct)
    {
        var method = await FindAsync(user.Id, type, ct);
        if (method is null)
        {
            method = new TwoFactorMethod { UserId = user.Id, Type = type, Data = "" };
            db.TwoFactorMethods.Add(method);
        }
        method.Data = Protect(data);
        method.RevisionDate = time.GetUtcNow().UtcDateTime;
        if (enable)
        {
            method.Enabled = true;
            // Bitwarden creates the recovery code with the first method, and keeps it until it is used.
            user.TwoFactorRecoveryCode ??= _protector.Protect(NewRecoveryCode());
            Changed(user, EventType.User_Updated2fa);
        }
        return method;
    }

    /// <summary>Removes a method; when it was the last, orgs that require two-step login revoke the user.</summary>
    public async Task DisableAsync(User user, TwoFactorProviderType type, CancellationToken ct)
    {
        var method = await FindAsync(user.Id, type, ct);
        if (method is null)
        {
            return;
        }
        db.TwoFactorMethods.Remove(method);
        Changed(user, EventType.User_Disabled2fa);
        if (!await EnabledMethods(db, user.Id).AnyAsync(m => m.Type != type, ct))
        {
            await compliance.RevokeWhereRequiredAsync(user, ct);
        }
    }

    /// <summary>
    /// The recovery code turns every method off and is replaced by a new one (Bitwarden's behaviour). Staged only;
    /// the caller saves and mails.
    /// </summary>
    public async Task<bool> RecoverAsync(User user, string? code, CancellationToken ct)
    {
        var stored = RecoveryCode(user);
        var given = code?.Replace(" ", "", StringComparison.Ordinal).Trim().ToLowerInvariant();
        if (stored is null || string.IsNullOrEmpty(given)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored), Encoding.UTF8.GetBytes(given)))
        {
            return false;
        }
        db.TwoFactorMethods.RemoveRange(await db.TwoFactorMethods.Where(m => m.UserId == user.Id).ToListAsync(ct));
        user.TwoFactorRecoveryCode = _protector.Protect(NewRecoveryCode());
        Changed(user, EventType.User_Recovered2fa);
        await compliance.RevokeWhereRequiredAsync(user, ct);
        return true;
    }

    public string? RecoveryCode(User user) =>
        user.TwoFactorRecoveryCode is { } protectedCode ? _protector.Unprotect(protectedCode) : null;

    /// <summary>
    /// Accepts an authenticator code once: the matching step must be later than the last one used, and the update
    /// that records it is conditional, so two requests racing with one code cannot both win.
    /// </summary>
    public async Task<bool> VerifyTotpAsync(TwoFactorMethod method, string? code, CancellationToken ct)
    {
        if (Totp.MatchingStep(Read<AuthenticatorData>(method).Key, code, time.GetUtcNow()) is not { } step)
        {
            return false;
        }
        var taken = await db.TwoFactorMethods
            .Where(m => m.UserId == method.UserId && m.Type == method.Type && (m.LastUsedStep == null || m.LastUsedStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastUsedStep, step), ct);
        return taken == 1;
    }

    /// <summary>A six-digit code for <paramref name="email"/>, valid for ten minutes; only its hash is kept.</summary>
    public string NewEmailCode(TwoFactorMethod method, string email)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        method.CodeHash = CodeHash(code, email);
        method.CodeExpirationDate = time.GetUtcNow().UtcDateTime + EmailCodeLifetime;
        return code;
    }

    public static readonly TimeSpan EmailCodeLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Uses up the pending email code if it matches and has not expired (conditional update: single use).</summary>
    public async Task<bool> UseEmailCodeAsync(Guid userId, string email, string? code, CancellationToken ct)
    {
        code = code?.Trim();
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
        {
            return false;
        }
        var hash = CodeHash(code, email);
        var now = time.GetUtcNow().UtcDateTime;
        var used = await db.TwoFactorMethods
            .Where(m => m.UserId == userId && m.Type == TwoFactorProviderType.Email && m.CodeHash == hash && m.CodeExpirationDate > now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.CodeHash, (string?)null).SetProperty(m => m.CodeExpirationDate, (DateTime?)null), ct);
        return used == 1;
    }

    static string CodeHash(string code, string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{code}|{email.ToLowerInvariant()}")));

    /// <summary>Every change is an event and voids the "remember me" tokens issued before it.</summary>
    void Changed(User user, EventType type)
    {
        user.TwoFactorRevision = Guid.NewGuid().ToString("N");
        events.Add(type, new EventSubject(UserId: user.Id));
    }

    /// <summary>32 lower-case letters and digits, Bitwarden's format.</summary>
    static string NewRecoveryCode() => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 32);
}
