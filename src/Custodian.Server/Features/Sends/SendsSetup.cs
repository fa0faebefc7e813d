namespace Custodian.Server.Features.Sends;

public static class SendsSetup
{
    public static IServiceCollection AddSends(this IServiceCollection services)
    {
        services.AddScoped<SendService>();
        services.AddSingleton<SendFileStore>();
        services.AddSingleton<SendAccessTokens>();
        services.AddSingleton<SendDeletionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<SendDeletionJob>());
        return services;
    }
}
