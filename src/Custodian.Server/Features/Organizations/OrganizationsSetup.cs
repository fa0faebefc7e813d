namespace Custodian.Server.Features.Organizations;

public static class OrganizationsSetup
{
    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddScoped<OrganizationAccess>();
        services.AddScoped<CollectionService>();
        services.AddScoped<MemberService>();
        services.AddSingleton<InviteTokens>();
        services.AddOptions<Infrastructure.Mail.MailOptions>().BindConfiguration(Infrastructure.Mail.MailOptions.Section);
        services.AddSingleton<Infrastructure.Mail.Mailer>();
        services.AddOptions<Infrastructure.Mail.ServerOptions>().BindConfiguration(Infrastructure.Mail.ServerOptions.Section)
            .Validate(o => Infrastructure.Mail.MailLinks.IsValid(o.PublicUrl), "Server__PublicUrl must be an absolute http(s) URL.").ValidateOnStart();
        services.AddSingleton<Infrastructure.Mail.MailLinks>();
        return services;
    }
}
