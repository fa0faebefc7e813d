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
}
