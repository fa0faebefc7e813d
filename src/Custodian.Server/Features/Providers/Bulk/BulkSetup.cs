namespace Custodian.Server.Features.Providers.Bulk;

/// <summary>Managing many clients at once: tags, templates, bulk jobs and confirming members across clients.</summary>
public static class BulkSetup
{
    public static IServiceCollection AddClientBulk(this IServiceCollection services) =>
        services.AddScoped<TemplateApplier>().AddScoped<TemplateLeaderAccess>().AddScoped<BulkJobService>().AddScoped<BulkJobRunner>();

    public static RouteGroupBuilder MapClientBulkEndpoints(this RouteGroupBuilder api)
    {
        var provider = api.MapGroup("/providers/{providerId:guid}").WithTags("Provider bulk").RequireProviderUser();
        provider.MapClientTagEndpoints();
        provider.MapClientTemplateEndpoints();
        provider.MapBulkJobEndpoints();
        provider.MapPendingConfirmationEndpoints();
        return provider;
    }
}
