using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Custodian.Server.Infrastructure.Security;

/// <summary>The API keys of organizations (public API, SCIM) and providers, stored as "dp1:" and the protected secret.</summary>
public sealed class TenantApiKeys(IDataProtectionProvider protection)
    : ProtectedApiKeys(protection.CreateProtector("Custodian.ApiKeys"), "dp1:")
{
    /// <summary>
    /// A short fingerprint of the stored key carried in tokens minted with it: a token whose stamp no longer matches
    /// (the key was rotated) is refused on its next request, not when it expires.
    /// </summary>
    public static string Stamp(string stored) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stored)))[..16];
}
