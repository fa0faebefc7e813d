using Custodian.Server.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Custodian.Server.Features.Accounts;

/// <summary>
/// Personal API keys (the CLI's <c>--apikey</c> client secret), stored protected: a read of the users table gives
/// nobody a way to log in as them. The owner can still see the key again (<c>POST /accounts/api-key</c>).
/// </summary>
public sealed class ApiKeys(IDataProtectionProvider protection)
    : ProtectedApiKeys(protection.CreateProtector(SecretsAtRest.ApiKeyPurpose), "")
{
    /// <summary>The user's key in the clear, a new one when <paramref name="rotate"/> or when they had none; the caller saves.</summary>
    public string Issue(User user, bool rotate)
    {
        var issued = Issue(user.ApiKey, rotate);
        user.ApiKey = issued.Stored;
        return issued.Secret;
    }

    public bool Matches(User user, string secret) => Matches(user.ApiKey, secret);
}
