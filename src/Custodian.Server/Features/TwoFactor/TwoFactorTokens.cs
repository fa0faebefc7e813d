using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Custodian.Server.Features.TwoFactor;

/// <summary>
/// The short-lived tokens of two-step login, each a Data Protection payload with its own purpose and lifetime:
/// the user-verification token a <c>get-…</c> route mints after the master password (Bitwarden's
/// <c>userVerificationToken</c>, 30 minutes), the "remember me" token (30 days, bound to the device, the security
/// stamp and the two-step revision), and the session token that lets the login prompt ask for an email code.
/// </summary>
public sealed class TwoFactorTokens(IDataProtectionProvider protection, TimeProvider time)
{
    static readonly TimeSpan VerificationLifetime = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan RememberLifetime = TimeSpan.FromDays(30);
    static readonly TimeSpan EmailSessionLifetime = TimeSpan.FromMinutes(15);

    ITimeLimitedDataProtector Protector(string purpose) =>
        protection.CreateProtector($"{TwoFactorService.Purpose}.{purpose}").ToTimeLimitedDataProtector();

    /// <summary>Bound to the user and method; the authenticator's also to the key the user is enrolling.</summary>
    public string MintVerification(Guid userId, TwoFactorProviderType type, string? key = null) =>
        Protect("Verification", [userId.ToString(), ((int)type).ToString(CultureInfo.InvariantCulture), key ?? ""], VerificationLifetime);

    public bool IsValidVerification(string? token, Guid userId, TwoFactorProviderType type, string? key = null) =>
        Unprotect("Verification", token) is [var user, var kind, var boundKey]
        && user == userId.ToString() && kind == ((int)type).ToString(CultureInfo.InvariantCulture) && boundKey == (key ?? "");

    public string MintRemember(Guid userId, string deviceIdentifier, string securityStamp, string? revision) =>
        Protect("Remember", [userId.ToString(), deviceIdentifier, securityStamp, revision ?? ""], RememberLifetime);

    public bool IsValidRemember(string? token, Guid userId, string? deviceIdentifier, string securityStamp, string? revision) =>
        deviceIdentifier is not null && Unprotect("Remember", token) is [var user, var device, var stamp, var rev]
        && user == userId.ToString() && device == deviceIdentifier && stamp == securityStamp && rev == (revision ?? "");

    public string MintEmailSession(Guid userId) => Protect("EmailSession", [userId.ToString()], EmailSessionLifetime);

    public bool IsValidEmailSession(string? token, Guid userId) => Unprotect("EmailSession", token) is [var user] && user == userId.ToString();

    string Protect(string purpose, string[] parts, TimeSpan lifetime) =>
        Protector(purpose).Protect(string.Join('\n', parts), time.GetUtcNow() + lifetime);

    string[]? Unprotect(string purpose, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4000)
        {
            return null;
        }
        try
        {
            return Protector(purpose).Unprotect(token, out var expiration) is var text && expiration > time.GetUtcNow()
                ? text.Split('\n') : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;   // tampered, expired or from another purpose
        }
    }
}
