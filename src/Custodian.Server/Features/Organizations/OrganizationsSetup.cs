namespace Custodian.Server.Features.Organizations;

public static class OrganizationsSetup
{
    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddScoped<OrganizationAccess>();
        services.AddScoped<CollectionService>();
        return services;
    }
}
