using System.Net;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Vault;

public sealed class SyncTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Sync_Anonymous_Returns401()
    {
        var response = await api.CreateApiClient().GetAsync("/api/sync");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Sync_NewAccount_ReturnsProfileKeysAndUnlockData()
    {
        var user = await api.LoginNewUserAsync();

        var sync = await user.Client.GetJsonAsync("/api/sync?excludeDomains=true");

        Assert.Equal("sync", sync["object"]!.GetValue<string>());
        var profile = sync["profile"]!;
        Assert.Equal("profile", profile["object"]!.GetValue<string>());
        Assert.Equal(user.Id.ToString(), profile["id"]!.GetValue<string>());
        Assert.Equal(user.Email, profile["email"]!.GetValue<string>());
        Assert.Equal(user.Account.ProtectedUserKey, profile["key"]!.GetValue<string>());
        Assert.Equal(user.Account.PublicKey, profile["accountKeys"]!["publicKeyEncryptionKeyPair"]!["publicKey"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(profile["securityStamp"]!.GetValue<string>()));
        Assert.True(DateTime.TryParse(profile["creationDate"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.RoundtripKind, out var created));
        Assert.Equal(DateTimeKind.Utc, created.Kind);
        Assert.Empty(profile["organizations"]!.AsArray());
        Assert.Empty(profile["providers"]!.AsArray());
        Assert.Empty(profile["providerOrganizations"]!.AsArray());
        foreach (var list in new[] { "folders", "collections", "ciphers", "policies", "sends" })
        {
            Assert.Empty(sync[list]!.AsArray());
        }
        Assert.Null(sync["domains"]);
        var unlock = sync["userDecryption"]!["masterPasswordUnlock"]!;
        Assert.Equal(user.Email, unlock["salt"]!.GetValue<string>());
        Assert.Equal(user.Account.ProtectedUserKey, unlock["masterKeyEncryptedUserKey"]!.GetValue<string>());
        Assert.Equal(0, unlock["kdf"]!["kdfType"]!.GetValue<int>());
        Assert.Null(sync["userDecryption"]!["userKeyId"]);
    }

    [Fact]
    public async Task Sync_SecurityStamp_IsStableAcrossSyncs()
    {
        var user = await api.LoginNewUserAsync();

        var first = await user.Client.GetJsonAsync("/api/sync");
        var second = await user.Client.GetJsonAsync("/api/sync");

        Assert.Equal(first["profile"]!["securityStamp"]!.GetValue<string>(), second["profile"]!["securityStamp"]!.GetValue<string>());
    }
}
