using System.Security.Cryptography;
using System.Text;
using Custodian.Server.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Custodian.Server.Features.Accounts;

/// <summary>
/// Personal API keys (the CLI's <c>--apikey</c> client secret), stored protected: a read of the users table gives
/// nobody a way to log in as them. The owner can still see the key again (<c>POST /accounts/api-key</c>).
/// </summary>
public sealed class ApiKeys(IDataProtectionProvider protection)
{
    readonly IDataProtector _protector = protection.CreateProtector(SecretsAtRest.ApiKeyPurpose);

    /// <summary>Gives the user a new key and returns it in the clear.</summary>
    public string Rotate(User user)
    {
        var key = AccountRegistrar.NewApiKey();
        user.ApiKey = _protector.Protect(key);
        return key;
    }

    public string? Reveal(User user) => user.ApiKey is null ? null : SecretsAtRest.Reveal(_protector, user.ApiKey);

    public bool Matches(User user, string secret) => Reveal(user) is { } key
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(secret));
}
