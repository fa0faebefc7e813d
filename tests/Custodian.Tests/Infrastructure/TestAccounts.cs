using System.Text.Json.Nodes;
using Custodian.Tests.Support;

namespace Custodian.Tests.Infrastructure;

/// <summary>A registered, logged-in user: the client-side keys and an API client carrying its bearer token.</summary>
public sealed record TestUser(Guid Id, ClientAccount Account, ApiClient Client, string AccessToken, string? RefreshToken)
{
    public string Email => Account.Email;
}

/// <summary>Creates accounts and logs them in the way a Bitwarden client does: real crypto, real HTTP.</summary>
public static class TestAccounts
{
    public const string DefaultPassword = "correct horse battery staple";

    public static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.com";

    /// <summary>An anonymous client sending the CLI's headers.</summary>
    public static ApiClient CreateApiClient(this ApiFactory factory)
    {
        var http = factory.CreateHttpClient();
        http.DefaultRequestHeaders.Add("Device-Type", "25");
        http.DefaultRequestHeaders.Add("Bitwarden-Client-Name", "cli");
        http.DefaultRequestHeaders.Add("Bitwarden-Client-Version", "2026.9.0");
        return new ApiClient(http);
    }

    /// <summary>The legacy <c>/identity/accounts/register</c> body for an account.</summary>
    public static object RegisterBody(ClientAccount a, string? name = "Test User") => new
    {
        email = a.Email,
        name,
        masterPasswordHash = a.MasterPasswordHash,
        masterPasswordHint = (string?)null,
        key = a.ProtectedUserKey,
        keys = new { publicKey = a.PublicKey, encryptedPrivateKey = a.EncryptedPrivateKey },
        kdf = (int)a.Kdf.Type,
        kdfIterations = a.Kdf.Iterations,
        kdfMemory = a.Kdf.Memory,
        kdfParallelism = a.Kdf.Parallelism,
    };

    public static async Task<ClientAccount> RegisterAsync(this ApiFactory factory, string? email = null,
        string password = DefaultPassword)
    {
        var account = ClientAccount.CreateFast(email ?? NewEmail(), password);
        await ApiClient.ReadOkAsync(await factory.CreateApiClient().PostAsync("/identity/accounts/register", RegisterBody(account)));
        return account;
    }

    /// <summary>The password grant exactly as the CLI sends it.</summary>
    public static Dictionary<string, string> PasswordForm(ClientAccount account, string? deviceIdentifier = null,
        string? password = null) => new()
    {
        ["scope"] = "api offline_access",
        ["client_id"] = "cli",
        ["deviceType"] = "25",
        ["deviceIdentifier"] = deviceIdentifier ?? Guid.NewGuid().ToString(),
        ["deviceName"] = "linux",
        ["grant_type"] = "password",
        ["username"] = account.Email,
        ["password"] = password ?? account.MasterPasswordHash,
    };

    public static async Task<JsonObject> PasswordLoginAsync(this ApiFactory factory, ClientAccount account,
        string? deviceIdentifier = null) =>
        await ApiClient.ReadOkAsync(await factory.CreateApiClient()
            .PostFormAsync("/identity/connect/token", PasswordForm(account, deviceIdentifier)));

    public static async Task<TestUser> LoginAsync(this ApiFactory factory, ClientAccount account)
    {
        var token = await factory.PasswordLoginAsync(account);
        var client = factory.CreateApiClient();
        var accessToken = token["access_token"]!.GetValue<string>();
        client.UseToken(accessToken);
        var profile = await client.GetJsonAsync("/api/accounts/profile");
        return new TestUser(Guid.Parse(profile["id"]!.GetValue<string>()), account, client, accessToken,
            token["refresh_token"]?.GetValue<string>());
    }

    /// <summary>The personal API key, read as the web vault does (<c>POST /api/accounts/api-key</c>).</summary>
    public static async Task<string> ApiKeyAsync(this TestUser user) =>
        (await user.Client.PostJsonAsync("/api/accounts/api-key", new { masterPasswordHash = user.Account.MasterPasswordHash }))["apiKey"]!.GetValue<string>();

    public static async Task<TestUser> LoginNewUserAsync(this ApiFactory factory, string? email = null) =>
        await factory.LoginAsync(await factory.RegisterAsync(email));
}
