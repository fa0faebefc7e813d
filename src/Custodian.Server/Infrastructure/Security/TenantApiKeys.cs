using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Custodian.Server.Infrastructure.Security;

/// <summary>
/// The server-held API keys of organizations (public API, SCIM) and providers. The server must show them to their
/// owners again, so they are encrypted (Data Protection), not hashed. Keys written before encryption existed are
/// plaintext without the prefix; they still work and are encrypted when next read.
/// </summary>
public sealed class TenantApiKeys(IDataProtectionProvider protection)
{
    const string Prefix = "dp1:";
    readonly IDataProtector _protector = protection.CreateProtector("Custodian.ApiKeys");

    /// <summary>A fresh key: the stored (protected) form and the secret to show once.</summary>
    public (string Stored, string Secret) Create()
    {
        // 30 alphanumerics, like Bitwarden's keys (Directory Connector stores them as typed).
        var secret = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 30);
        return (Prefix + _protector.Protect(secret), secret);
    }

    public static bool IsProtected(string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>The secret, or null when none was made yet.</summary>
    public string? Reveal(string? stored) => string.IsNullOrEmpty(stored) ? null
        : IsProtected(stored) ? _protector.Unprotect(stored[Prefix.Length..]) : stored;

    public string Protect(string secret) => Prefix + _protector.Protect(secret);

    public bool Matches(string? stored, string presented) => Reveal(stored) is { } secret
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(presented));

    /// <summary>
    /// A short fingerprint of the stored key carried in tokens minted with it: a token whose stamp no longer matches
    /// (the key was rotated) is refused on its next request, not when it expires.
    /// </summary>
    public static string Stamp(string stored) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stored)))[..16];
}
