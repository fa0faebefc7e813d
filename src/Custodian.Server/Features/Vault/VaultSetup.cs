namespace Custodian.Server.Features.Vault;

public static class VaultSetup
{
    public static IServiceCollection AddVault(this IServiceCollection services)
    {
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section);
        services.AddScoped<CipherService>();
        services.AddScoped<VaultAccess>();
        services.AddScoped<AttachmentLinks>();
        services.AddSingleton<Infrastructure.Files.SignedLinks>();
        services.AddSingleton<AttachmentStore>();
        return services;
    }
}
