using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Custodian.Server.Features.Identity;

/// <summary>
/// <c>client_credentials</c> for keys that belong to a tenant, not a user: <c>organization.{id}</c> with scope
/// <c>api.organization</c> (Bitwarden's public API, Directory Connector) and <c>provider.{id}</c> with scope
/// <c>api.provider</c> (Custodian's provider API). The token names the tenant and a stamp of its key, so it reaches
/// only that tenant's API and dies when the key is rotated. Kept apart from the user grants in <see cref="TokenEndpoint"/>.
/// </summary>
public static class ApiKeyGrant
{
    public static bool Handles(string? clientId) => clientId is not null
        && (clientId.StartsWith(ApiKeyTokens.OrganizationPrefix, StringComparison.Ordinal)
            || clientId.StartsWith(ApiKeyTokens.ProviderPrefix, StringComparison.Ordinal));

    public static async Task<IResult> IssueAsync(HttpContext http, string clientId, string? secret, string? scope, CancellationToken ct)
    {
        var services = http.RequestServices;
        var (db, apiKeys, throttle) = (services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TenantApiKeys>(), services.GetRequiredService<LoginThrottle>());
        var isOrg = clientId.StartsWith(ApiKeyTokens.OrganizationPrefix, StringComparison.Ordinal);
        var expectedScope = isOrg ? ApiKeyTokens.OrganizationScope : ApiKeyTokens.ProviderScope;
        if (!Guid.TryParse(clientId[clientId.IndexOf('.', StringComparison.Ordinal)..][1..], out var tenantId) || string.IsNullOrEmpty(secret))
        {
            return TokenEndpoint.Error("invalid_client", "invalid_client");
        }
        var keys = LoginThrottleKeys.For(clientId, http.Connection.RemoteIpAddress?.ToString());
        var verdict = await throttle.CheckAsync(keys, ct);
        if (verdict.Blocked)
        {
            return TokenEndpoint.TooManyAttempts();
        }
        if (verdict.Delay > TimeSpan.Zero)
        {
            await Task.Delay(verdict.Delay, services.GetRequiredService<TimeProvider>(), ct);
        }
        // A disabled org (or provider) cannot use its key: the provider or operator switched it off.
        var stored = isOrg
            ? await db.Organizations.Where(o => o.Id == tenantId && o.Enabled && o.UseApi).Select(o => o.ApiKey).SingleOrDefaultAsync(ct)
            : await db.Providers.Where(p => p.Id == tenantId && p.Enabled).Select(p => p.ApiKey).SingleOrDefaultAsync(ct);
        if (stored is null || !apiKeys.Matches(stored, secret))
        {
            await throttle.RecordFailureAsync(keys, ct);
            return TokenEndpoint.Error("invalid_client", "invalid_client");
        }
        await throttle.ResetAsync(keys, ct);
        // The client first (an unknown client is invalid_client whatever it asks for), then what it asks for.
        if ((scope ?? expectedScope).Trim() != expectedScope)
        {
            return TokenEndpoint.Error("invalid_scope", $"Only the {expectedScope} scope is allowed for this key.");
        }
        var lifetime = services.GetRequiredService<IOptions<LoginOptions>>().Value.AccessTokenLifetime;
        var token = ApiKeyTokens.Create(services.GetRequiredService<SigningKeyStore>(), services.GetRequiredService<TimeProvider>(),
            lifetime, clientId, expectedScope, tenantId, TenantApiKeys.Stamp(stored));
        return Results.Json(new ApiKeyTokenResponse(token, (int)lifetime.TotalSeconds, "Bearer", expectedScope));
    }
}

public sealed record ApiKeyTokenResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("scope")] string Scope);

/// <summary>The claims of tenant API tokens, minted here and checked on every request by <see cref="AuthSetup"/>.</summary>
public static class ApiKeyTokens
{
    public const string OrganizationPrefix = "organization.";
    public const string ProviderPrefix = "provider.";
    public const string OrganizationScope = "api.organization";
    public const string ProviderScope = "api.provider";
    public const string TenantClaim = "client_sub";
    public const string KeyStampClaim = "key_stamp";

    static readonly JsonWebTokenHandler Handler = new();

    public static string Create(SigningKeyStore keys, TimeProvider time, TimeSpan lifetime, string clientId, string scope,
        Guid tenantId, string keyStamp)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenClaims.Issuer,
            Audience = TokenClaims.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = new Dictionary<string, object>
            {
                [TokenClaims.ClientId] = clientId,
                [TokenClaims.Scope] = new[] { scope },
                [TenantClaim] = tenantId.ToString(),
                [KeyStampClaim] = keyStamp,
            },
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Is the key the token was minted with still the tenant's key (and the tenant enabled)?</summary>
    public static async Task<bool> IsCurrentAsync(AppDbContext db, string scope, Guid tenantId, string? stamp, CancellationToken ct)
    {
        var stored = scope == OrganizationScope
            ? await db.Organizations.Where(o => o.Id == tenantId && o.Enabled && o.UseApi).Select(o => o.ApiKey).SingleOrDefaultAsync(ct)
            : await db.Providers.Where(p => p.Id == tenantId && p.Enabled).Select(p => p.ApiKey).SingleOrDefaultAsync(ct);
        return !string.IsNullOrEmpty(stored) && stamp == TenantApiKeys.Stamp(stored);
    }
}
