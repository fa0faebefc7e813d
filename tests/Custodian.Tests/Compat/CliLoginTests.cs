using Custodian.Server.Infrastructure.Data;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.Compat;

/// <summary>The official CLI logs in, unlocks, syncs, locks and logs out against Custodian.</summary>
[Collection(CompatCollection.Name)]
public sealed class CliLoginTests(CompatServer server) : IClassFixture<CompatServer>
{
    [Fact]
    public async Task PasswordLogin_UnlockLockSyncLogout_AllSucceed()
    {
        var account = await server.RegisterAsync();
        using var bw = new BwCli(server);
        (await bw.ConfigServerAsync()).EnsureSuccess("config server");

        (await bw.LoginAsync(account.Email, account.Password)).EnsureSuccess("login");

        Assert.False(string.IsNullOrWhiteSpace(bw.Session));
        var status = await bw.StatusAsync();
        Assert.Equal("unlocked", status["status"]!.GetValue<string>());
        Assert.Equal(account.Email, status["userEmail"]!.GetValue<string>());
        Assert.Equal(server.BaseUrl, status["serverUrl"]!.GetValue<string>().TrimEnd('/'));
        // The SDK's key-id backfill reached the server and sync echoes it (client-contract H2).
        Assert.Matches("^[0-9a-f]{32}$", await UserKeyIdAsync(account.Email));

        Assert.Contains("Syncing complete", (await bw.RunAsync("sync")).EnsureSuccess("sync").Stdout, StringComparison.Ordinal);
        Assert.Equal(0, (await bw.RunAsync("sync", "--force")).EnsureSuccess("sync --force").ExitCode);

        (await bw.RunAsync("lock")).EnsureSuccess("lock");
        bw.Session = null;
        Assert.Equal("locked", (await bw.StatusAsync())["status"]!.GetValue<string>());

        (await bw.UnlockAsync(account.Password)).EnsureSuccess("unlock");
        Assert.Equal("unlocked", (await bw.StatusAsync())["status"]!.GetValue<string>());
        Assert.Equal(0, (await bw.RunAsync("list", "items")).EnsureSuccess("list items").ExitCode);

        (await bw.RunAsync("logout")).EnsureSuccess("logout");
        bw.Session = null;
        Assert.Equal("unauthenticated", (await bw.StatusAsync())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task PasswordLogin_WrongPassword_FailsWithBitwardenMessage()
    {
        var account = await server.RegisterAsync();
        using var bw = new BwCli(server);
        (await bw.ConfigServerAsync()).EnsureSuccess("config server");

        var result = await bw.LoginAsync(account.Email, "not the password");

        Assert.NotEqual(0, result.ExitCode);
        // The CLI words the server's invalid_grant itself.
        Assert.Contains("Invalid master password", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Equal("unauthenticated", (await bw.StatusAsync())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task PasswordLogin_UnlockWithWrongPassword_Fails()
    {
        var account = await server.RegisterAsync();
        using var bw = new BwCli(server);
        (await bw.ConfigServerAsync()).EnsureSuccess("config server");
        (await bw.LoginAsync(account.Email, account.Password)).EnsureSuccess("login");
        (await bw.RunAsync("lock")).EnsureSuccess("lock");
        bw.Session = null;

        var result = await bw.UnlockAsync("wrong password");

        // Unlock is offline: the wrong master key cannot decrypt the protected user key the server handed out.
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("decryption operation failed", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Equal("locked", (await bw.StatusAsync())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ApiKeyLogin_ThenUnlock_Succeeds()
    {
        var account = await server.RegisterAsync();
        var (userId, apiKey) = await ApiKeyAsync(account);
        using var bw = new BwCli(server);
        (await bw.ConfigServerAsync()).EnsureSuccess("config server");

        (await bw.RunWithSecretsAsync(new() { ["BW_CLIENTID"] = $"user.{userId}", ["BW_CLIENTSECRET"] = apiKey }, "login", "--apikey"))
            .EnsureSuccess("login --apikey");

        Assert.Equal("locked", (await bw.StatusAsync())["status"]!.GetValue<string>());
        (await bw.UnlockAsync(account.Password)).EnsureSuccess("unlock");
        Assert.Equal("unlocked", (await bw.StatusAsync())["status"]!.GetValue<string>());
        (await bw.RunAsync("sync")).EnsureSuccess("sync");
    }

    [Fact]
    public async Task ApiKeyLogin_WrongSecret_Fails()
    {
        var account = await server.RegisterAsync();
        var (userId, _) = await ApiKeyAsync(account);
        using var bw = new BwCli(server);
        (await bw.ConfigServerAsync()).EnsureSuccess("config server");

        var result = await bw.RunWithSecretsAsync(new() { ["BW_CLIENTID"] = $"user.{userId}", ["BW_CLIENTSECRET"] = "wrong-secret-000000000000000000" }, "login", "--apikey");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("unauthenticated", (await bw.StatusAsync())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Argon2idAccount_LogsInAndUnlocks()
    {
        var account = ClientAccount.Create(TestAccounts.NewEmail("argon"), "argon password", new KdfSettings(KdfType.Argon2id, 3, 64, 4));
        await ApiClient.ReadOkAsync(await server.CreateApiClient().PostAsync("/identity/accounts/register", TestAccounts.RegisterBody(account)));
        using var bw = new BwCli(server);
        (await bw.ConfigServerAsync()).EnsureSuccess("config server");

        (await bw.LoginAsync(account.Email, account.Password)).EnsureSuccess("login");
        (await bw.RunAsync("lock")).EnsureSuccess("lock");
        bw.Session = null;
        (await bw.UnlockAsync(account.Password)).EnsureSuccess("unlock");

        Assert.Equal("unlocked", (await bw.StatusAsync())["status"]!.GetValue<string>());
    }

    async Task<string?> UserKeyIdAsync(string email)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.UserKeyId).SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The key as its owner reads it (the database holds it protected).</summary>
    async Task<(Guid Id, string ApiKey)> ApiKeyAsync(ClientAccount account)
    {
        var user = await server.LoginAsync(account);
        return (user.Id, await user.ApiKeyAsync());
    }
}
