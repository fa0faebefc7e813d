using Custodian.Server.Features.Identity;
using Custodian.Server.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace Custodian.Server.Infrastructure.Security;

public static class AuthSetup
{
    /// <summary>Bearer access tokens issued by <c>/identity/connect/token</c>; the security stamp is checked on every call.</summary>
    public static IServiceCollection AddTokenAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<SigningKeyStore>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyStore, TimeProvider>((jwt, keys, time) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = TokenClaims.Issuer,
                    ValidAudience = TokenClaims.Audience,
                    // Clients refresh on the token's exp; the server must expire it at that exact time.
                    ClockSkew = TimeSpan.FromSeconds(5),
                    // Judged by the clock that issued them (TimeProvider), so a server with a test clock accepts its own tokens.
                    LifetimeValidator = (notBefore, expires, _, p) =>
                    {
                        var now = time.GetUtcNow().UtcDateTime;
                        return (notBefore is not { } nbf || nbf <= now + p.ClockSkew) && (expires is not { } exp || exp >= now - p.ClockSkew);
                    },
                    IssuerSigningKeyResolver = (_, _, _, _) => [keys.Key],
                    NameClaimType = TokenClaims.Email,
                };
                jwt.Events = new JwtBearerEvents { OnTokenValidated = CheckSecurityStampAsync, OnMessageReceived = TokenFromHubQuery };
            });
        services.AddSingleton<TenantApiKeys>();
        // A user's token reaches the client API only; a tenant's API-key token only its own API (and vice versa).
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(TokenClaims.Scope, "api").Build())
            .AddPolicy(OrganizationApiPolicy, p => p.RequireAuthenticatedUser().RequireClaim(TokenClaims.Scope, ApiKeyTokens.OrganizationScope))
            .AddPolicy(ProviderApiPolicy, p => p.RequireAuthenticatedUser().RequireClaim(TokenClaims.Scope, ApiKeyTokens.ProviderScope));
        return services;
    }

    public const string OrganizationApiPolicy = "OrganizationApi";
    public const string ProviderApiPolicy = "ProviderApi";

    /// <summary>WebSockets cannot carry headers from a browser, so the apps put the token in the hub URL's query.</summary>
    static Task TokenFromHubQuery(MessageReceivedContext context)
    {
        if (context.HttpContext.Request.Path.StartsWithSegments("/notifications/hub")
            && context.Request.Query["access_token"].FirstOrDefault() is { Length: > 0 } token)
        {
            context.Token = token;
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// A token minted before the last stamp rotation (password change, "log out everywhere") is dead; so is a
    /// tenant API-key token minted with a key since rotated.
    /// </summary>
    static async Task CheckSecurityStampAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        await ReadConnectionFilter.OpenForReadAsync(context.HttpContext);   // a read's one connection, from here on
        if (principal.FindFirst(ApiKeyTokens.TenantClaim) is { } tenant)
        {
            var scope = principal.FindFirst(TokenClaims.Scope)?.Value ?? "";
            var current = Guid.TryParse(tenant.Value, out var tenantId) && await ApiKeyTokens.IsCurrentAsync(
                context.HttpContext.RequestServices.GetRequiredService<AppDbContext>(), scope, tenantId,
                principal.FindFirst(ApiKeyTokens.KeyStampClaim)?.Value, context.HttpContext.RequestAborted);
            if (!current)
            {
                context.Fail("The API key was rotated or its tenant disabled.");
            }
            return;
        }
        if (!Guid.TryParse(principal.FindFirst(TokenClaims.Subject)?.Value, out var userId))
        {
            context.Fail("Token has no subject.");
            return;
        }
        var services = context.HttpContext.RequestServices;
        // The whole row, not just the stamp: the handler then reads the account without a second query.
        var stamp = await services.GetRequiredService<Features.Accounts.CallerAccount>()
            .LoadAsync(services.GetRequiredService<AppDbContext>(), userId, context.HttpContext.RequestAborted);
        if (stamp is null || stamp != principal.FindFirst(TokenClaims.SecurityStamp)?.Value)
        {
            context.Fail("Security stamp changed.");
        }
    }
}
