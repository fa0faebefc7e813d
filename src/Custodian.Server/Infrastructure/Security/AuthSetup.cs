using Custodian.Server.Infrastructure.Data;
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
                jwt.Events = new JwtBearerEvents { OnTokenValidated = CheckSecurityStampAsync };
            });
        services.AddAuthorization();
        return services;
    }

    /// <summary>A token minted before the last stamp rotation (password change, "log out everywhere") is dead.</summary>
    static async Task CheckSecurityStampAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        if (!Guid.TryParse(principal.FindFirst(TokenClaims.Subject)?.Value, out var userId))
        {
            context.Fail("Token has no subject.");
            return;
        }
        var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
        var stamp = await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp)
            .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (stamp is null || stamp != principal.FindFirst(TokenClaims.SecurityStamp)?.Value)
        {
            context.Fail("Security stamp changed.");
        }
    }
}
