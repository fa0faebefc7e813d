namespace Custodian.Server.Features.Accounts;

public static class AccountsSetup
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section).ValidateOnStart();
        services.AddSingleton<MasterPasswordHasher>();
        services.AddScoped<AccountRegistrar>();
        services.AddScoped<CallerAccount>();
        services.AddSingleton<ApiKeys>();
        return services;
    }
}
