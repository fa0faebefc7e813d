namespace Custodian.Server.Features.TwoFactor;

public static class TwoFactorSetup
{
    public static IServiceCollection AddTwoFactor(this IServiceCollection services) => services
        .AddScoped<TwoFactorService>()
        .AddScoped<TwoFactorTokens>()
        .AddScoped<TwoFactorWebAuthn>()
        .AddScoped<TwoFactorGate>()
        .AddScoped<Organizations.TwoFactorCompliance>();
}
