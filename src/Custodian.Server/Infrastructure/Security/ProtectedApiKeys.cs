using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Custodian.Server.Infrastructure.Security;

/// <summary>A key to show its owner: what to store, the secret, and whether it is a new one.</summary>
public readonly record struct IssuedApiKey(string Stored, string Secret, bool Created);

/// <summary>
/// One kind of server-held API key (personal, organization, SCIM, provider). The server must show a key to its owner
/// again, so it is encrypted with Data Protection, not hashed; each kind has its own protector purpose and stored
/// form. A key written before encryption existed is plaintext: it still works, and is protected when next issued.
/// </summary>
public abstract class ProtectedApiKeys(IDataProtector protector, string prefix)
{
    /// <summary>30 alphanumerics, like Bitwarden's keys (Directory Connector and the CLI store them as typed).</summary>
    public static string NewSecret() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 30);

    public string Protect(string secret) => prefix + protector.Protect(secret);

    public bool IsProtected(string? stored) => stored?.StartsWith(prefix + SecretsAtRest.ProtectedPrefix, StringComparison.Ordinal) == true;

    /// <summary>The secret, or null when none was made yet.</summary>
    public string? Reveal(string? stored) => string.IsNullOrEmpty(stored) ? null
        : IsProtected(stored) ? protector.Unprotect(stored[prefix.Length..]) : stored;

    public bool Matches(string? stored, string presented) => Reveal(stored) is { } secret
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(presented));

    /// <summary>A new key when asked to rotate or when there is none yet; otherwise the current one, protected if it was not.</summary>
    public IssuedApiKey Issue(string? stored, bool rotate)
    {
        if (rotate || string.IsNullOrEmpty(stored))
        {
            var secret = NewSecret();
            return new(Protect(secret), secret, Created: true);
        }
        var current = Reveal(stored)!;
        return new(IsProtected(stored) ? stored : Protect(current), current, Created: false);
    }
}
