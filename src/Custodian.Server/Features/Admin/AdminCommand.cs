using Custodian.Server.Features.Providers;

namespace Custodian.Server.Features.Admin;

/// <summary>
/// <c>dotnet run --project src/Custodian.Server -- admin create-provider --name N --owner-email E [--type msp|reseller|business-unit]</c>,
/// <c>admin backup --output FILE</c> and <c>admin restore --input FILE [--force]</c>: the system administrator's tasks
/// from a shell, against the configured database.
/// </summary>
public static class AdminCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "admin";

    const string Usage = "usage: admin create-provider --name NAME --owner-email EMAIL [--type msp|reseller|business-unit]\n"
        + "       admin backup --output FILE\n       admin restore --input FILE [--force]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        switch (args)
        {
            case [_, "backup", ..] when Option(args, "--output") is { Length: > 0 } output:
                return await DatabaseBackup.BackupAsync(services, output);
            case [_, "restore", ..] when Option(args, "--input") is { Length: > 0 } input:
                using (var held = Infrastructure.Data.DatabaseLock.TryAcquire(services))
                {
                    return await DatabaseBackup.RestoreAsync(services, input, args.Contains("--force"), held);
                }
            case [_, "create-provider", ..]:
                return await CreateProviderAsync(services, args);
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }

    static async Task<int> CreateProviderAsync(IServiceProvider services, string[] args)
    {
        var name = Option(args, "--name");
        var email = Option(args, "--owner-email");
        ProviderType? type = (Option(args, "--type") ?? "msp").ToLowerInvariant() switch
        {
            "msp" => ProviderType.Msp,
            "reseller" => ProviderType.Reseller,
            "business-unit" => ProviderType.BusinessUnit,
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(email) || type is null)
        {
            await Console.Error.WriteLineAsync("create-provider needs --name and --owner-email, and --type msp, reseller or business-unit.");
            return 2;
        }
        using var scope = services.CreateScope();
        try
        {
            var provider = await scope.ServiceProvider.GetRequiredService<AdminProviders>().CreateAsync(name, type.Value, email, CancellationToken.None);
            Console.WriteLine($"Created provider {provider.Id} ({provider.Name}); the setup invitation went to {email}.");
            return 0;
        }
        catch (Infrastructure.Http.ApiException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
