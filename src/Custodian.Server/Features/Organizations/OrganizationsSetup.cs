namespace Custodian.Server.Features.Organizations;

public static class OrganizationsSetup
{
    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddScoped<OrganizationAccess>();
        services.AddScoped<CollectionService>();
        services.AddScoped<MemberService>();
        services.AddScoped<AccountRecovery>();
        services.AddSingleton<InviteTokens>();
        services.AddOptions<Infrastructure.Mail.MailOptions>().BindConfiguration(Infrastructure.Mail.MailOptions.Section);
        services.AddSingleton<Infrastructure.Mail.Mailer>();
        return services;
    }
}
