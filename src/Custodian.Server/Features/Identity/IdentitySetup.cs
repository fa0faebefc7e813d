using Custodian.Server.Features.Accounts;

namespace Custodian.Server.Features.Identity;

public static class IdentitySetup
{
    public static IServiceCollection AddIdentityFeature(this IServiceCollection services)
    {
        services.AddOptions<LoginOptions>().BindConfiguration(LoginOptions.Section).ValidateOnStart();
        services.AddOptions<SignupsOptions>().BindConfiguration(SignupsOptions.Section).ValidateOnStart();
        services.AddScoped<TokenService>();
        services.AddScoped<LoginThrottle>();
        return services;
    }

    /// <summary>Anonymous routes under <c>/identity</c>.</summary>
    public static RouteGroupBuilder MapIdentityEndpoints(this RouteGroupBuilder identity)
    {
        identity.MapPost("/connect/token", TokenEndpoint.Token).DisableAntiforgery().AddEndpointFilter(Platform.MetricsSetup.CountLogins);
        identity.MapPost("/accounts/prelogin/password", PreloginEndpoint.Prelogin);
        identity.MapPost("/accounts/prelogin", PreloginEndpoint.Prelogin);   // older clients and vaultwarden's route
        identity.MapPost("/accounts/register", RegistrationEndpoints.Register);
        identity.MapPost("/accounts/register/send-verification-email", RegistrationEndpoints.SendVerificationEmail);
        identity.MapPost("/accounts/register/finish", RegistrationEndpoints.RegisterFinish);
        return identity;
    }

    /// <summary>
    /// <c>POST /api/accounts/prelogin</c>: Bitwarden answered prelogin on the API before it moved to Identity, and
    /// vaultwarden still does; third-party clients built against either (and older official apps) ask there first.
    /// </summary>
    public static RouteGroupBuilder MapApiPreloginAlias(this RouteGroupBuilder api)
    {
        api.MapPost("/accounts/prelogin", PreloginEndpoint.Prelogin).AllowAnonymous();
        return api;
    }
}
