namespace Custodian.Server.Features.AuthRequests;

public static class AuthRequestsSetup
{
    public static IServiceCollection AddAuthRequests(this IServiceCollection services) => services.AddScoped<Origin>();
}
