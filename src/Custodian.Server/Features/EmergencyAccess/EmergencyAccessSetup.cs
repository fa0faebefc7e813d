namespace Custodian.Server.Features.EmergencyAccess;

public static class EmergencyAccessSetup
{
    public static IServiceCollection AddEmergencyAccess(this IServiceCollection services)
    {
        services.AddScoped<EmergencyAccessService>();
        services.AddScoped<EmergencyRecovery>();
        services.AddScoped<EmergencyAccessMail>();
        services.AddSingleton<EmergencyAccessTimeoutJob>();
        services.AddHostedService(sp => sp.GetRequiredService<EmergencyAccessTimeoutJob>());
        return services;
    }
}
