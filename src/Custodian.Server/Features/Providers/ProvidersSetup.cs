using Custodian.Server.Features.Admin;
using Custodian.Server.Features.Providers.Bulk;

namespace Custodian.Server.Features.Providers;

public static class ProvidersSetup
{
    public static IServiceCollection AddProviders(this IServiceCollection services)
    {
        services.AddScoped<ProviderCallers>();
        services.AddSingleton<ProviderClientProfiles>();
        services.AddScoped<ProviderService>();
        services.AddScoped<Branding.BrandingLookup>();
        services.AddScoped<Assignments.ProviderReach>();
        services.AddScoped<Assignments.AssignmentService>();
        services.AddScoped<Assignments.TeamService>();
        services.AddScoped<Assignments.AccessGrantService>();
        services.AddSingleton<Assignments.GrantExpiry>();
        services.AddHostedService(sp => sp.GetRequiredService<Assignments.GrantExpiry>());
        services.AddClientBulk();
        services.AddSingleton<Billing.SeatUsageRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<Billing.SeatUsageRecorder>());
        services.AddScoped<AdminProviders>();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        return services;
    }
}
