using System.Reflection;
using Custodian.Server.Features.Identity;
using Custodian.Server.Infrastructure.Http;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Features.Platform;

public sealed record ConfigEnvironment(string? CloudRegion, string Vault, string Api, string Identity, string Notifications, string Sso);

public sealed record ConfigSettings(bool DisableUserRegistration);

public sealed record ConfigPush(int PushTechnology, string? VapidPublicKey);

public sealed record ConfigServer(string Name, string Url);

/// <summary>
/// <c>GET /api/config</c>. Feature states stay empty: any flag set true moves client flows into SDK paths this
/// server has not been tested against (client-contract H8).
/// </summary>
public sealed record ConfigResponse(
    string Version, string GitHash, ConfigServer Server, ConfigEnvironment Environment,
    IReadOnlyDictionary<string, object> FeatureStates, ConfigPush Push, ConfigSettings Settings) : ResponseModel("config");

public static class PlatformEndpoints
{
    /// <summary>The client API version we speak (the pinned CLI's).</summary>
    public const string ApiVersion = "2026.9.0";

    public static IEndpointRouteBuilder MapPlatformEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/alive", Alive).AllowAnonymous();
        app.MapGet("/api/alive", Alive).AllowAnonymous();
        app.MapGet("/api/config", Config).AllowAnonymous();
        app.MapGet("/api/server-status", ServerStatus.GetAsync).AllowAnonymous();
        return app;
    }

    static DateTime Alive(TimeProvider time) => time.GetUtcNow().UtcDateTime;

    /// <summary>Custodian's flag in <c>featureStates</c>: the operator lets browsers ask Have I Been Pwned's range API (off by default).</summary>
    public const string ExposedPasswordChecksFlag = "custodian-exposed-password-checks";

    static ConfigResponse Config(HttpRequest request, IOptions<SignupsOptions> signups, IConfiguration configuration)
    {
        var origin = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var build = typeof(PlatformEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        return new ConfigResponse(ApiVersion, build, new ConfigServer("Custodian", origin),
            new ConfigEnvironment(null, origin, $"{origin}/api", $"{origin}/identity", $"{origin}/notifications", ""),
            SecurityHeaders.ExposedPasswordChecks(configuration)
                ? new Dictionary<string, object> { [ExposedPasswordChecksFlag] = true }
                : new Dictionary<string, object>(), new ConfigPush(0, null), new ConfigSettings(!signups.Value.Allowed));
    }
}
