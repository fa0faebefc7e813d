using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Custodian.Server.Infrastructure.Files;

/// <summary>
/// Short-lived, tamper-proof grants for one file, carried in a download link: clients fetch such links with a
/// plain GET (no bearer token), so the link itself is the credential. Each use names its own purpose.
/// </summary>
public sealed class SignedLinks(IDataProtectionProvider protection)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    ITimeLimitedDataProtector Protector(string purpose) => protection.CreateProtector(purpose).ToTimeLimitedDataProtector();

    public string Token(string purpose, string subject) => Protector(purpose).Protect(subject, Lifetime);

    /// <summary>True when the token was made by this server for this purpose and subject, and has not expired.</summary>
    public bool IsValid(string purpose, string subject, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }
        try
        {
            return Protector(purpose).Unprotect(token) == subject;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
