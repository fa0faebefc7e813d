using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Custodian.Tests.Support;

namespace Custodian.Tests.Infrastructure;

/// <summary>A provider as its owner's client knows it: the id and the provider key in the clear.</summary>
public sealed record TestProvider(Guid Id, SymmetricKey Key, TestUser Owner);

/// <summary>The MSP layer over HTTP: the system administrator creates, the owner sets up, technicians join, clients are made.</summary>
public static class TestProviders
{
    public static ApiClient AdminClient(this ApiFactory api)
    {
        var client = api.CreateApiClient();
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiFactory.AdminToken);
        // The operator's own workstation: wrong admin tokens that tests send from elsewhere are throttled per address
        // and must not lock the operator out.
        client.Http.DefaultRequestHeaders.Add(TestPeerAddress.Header, "192.0.2.10");
        return client;
    }

    public static async Task<TestProvider> CreateProviderAsync(this ApiFactory api, TestUser owner, string name = "Northwind MSP")
    {
        var created = await api.AdminClient().PostJsonAsync("/admin/providers", new { name, type = 0, ownerEmail = owner.Email });
        var id = Guid.Parse(created["id"]!.GetValue<string>());
        var key = SymmetricKey.Random();
        var token = TestMembers.ReadMailToken(api, $"setup-provider?providerId={id}");
        await owner.Client.PostJsonAsync($"/api/providers/{id}/setup", new
        {
            name, billingEmail = owner.Email, token, key = ClientCrypto.RsaEncrypt(key.ToBytes(), owner.Account.PublicKeySpki),
        });
        return new TestProvider(id, key, owner);
    }

    /// <summary>Invite, accept, confirm (the provider key wrapped to the new user's public key).</summary>
    public static async Task<Guid> AddProviderUserAsync(this ApiFactory api, TestProvider provider, TestUser user, int type = 1)
    {
        await ApiClient.ReadOkOrEmptyAsync(await provider.Owner.Client.PostAsync($"/api/providers/{provider.Id}/users/invite", new { emails = new[] { user.Email }, type }));
        var list = await provider.Owner.Client.GetJsonAsync($"/api/providers/{provider.Id}/users");
        var id = Guid.Parse(list["data"]!.AsArray().Single(u => u!["email"]!.GetValue<string>() == user.Email)!["id"]!.GetValue<string>());
        var token = TestMembers.ReadMailToken(api, $"providerUserId={id}");
        await ApiClient.ReadOkOrEmptyAsync(await user.Client.PostAsync($"/api/providers/{provider.Id}/users/{id}/accept", new { token }));
        await ApiClient.ReadOkOrEmptyAsync(await provider.Owner.Client.PostAsync($"/api/providers/{provider.Id}/users/{id}/confirm",
            new { key = ClientCrypto.RsaEncrypt(provider.Key.ToBytes(), user.Account.PublicKeySpki) }));
        return id;
    }

    /// <summary>The provider's owner assigns technicians to clients (every pair).</summary>
    public static async Task AssignAsync(this TestProvider provider, Guid[] providerUserIds, params Guid[] organizationIds) =>
        await ApiClient.ReadOkOrEmptyAsync(await provider.Owner.Client.PostAsync($"/api/providers/{provider.Id}/assignments",
            new { providerUserIds, organizationIds }));

    /// <summary>A new client org, made by <paramref name="by"/>'s client: keys generated there, the org key wrapped with the provider key.</summary>
    public static async Task<TestOrganization> CreateClientAsync(this TestProvider provider, TestUser by, string name, string ownerEmail)
    {
        var orgKey = SymmetricKey.Random();
        var (publicKey, privateKey) = ClientCrypto.GenerateRsaKeyPair();
        await ApiClient.ReadOkOrEmptyAsync(await by.Client.PostAsync($"/api/providers/{provider.Id}/clients", new
        {
            name, ownerEmail, planType = 20, seats = 10,
            key = ClientCrypto.EncryptToEncString(orgKey.ToBytes(), provider.Key),
            keyPair = new { publicKey = Convert.ToBase64String(publicKey), encryptedPrivateKey = ClientCrypto.EncryptToEncString(privateKey, orgKey) },
            collectionName = ClientCrypto.EncryptToEncString("Default collection", orgKey),
        }));
        var clients = await by.Client.GetJsonAsync($"/api/providers/{provider.Id}/organizations?search={Uri.EscapeDataString(name)}");
        var orgId = Guid.Parse(clients["data"]!.AsArray().Single(c => c!["organizationName"]!.GetValue<string>() == name)!["organizationId"]!.GetValue<string>());
        return new TestOrganization(orgId, orgKey, by);
    }

    /// <summary>What a provider user's client does after sync: provider key from its private key, then the org key from the provider key.</summary>
    public static SymmetricKey ClientOrgKeyFromProfile(TestUser user, JsonObject profile, Guid organizationId)
    {
        var providerEntry = profile["providers"]!.AsArray().Single()!;
        var providerKey = SymmetricKey.FromBytes(ClientCrypto.RsaDecrypt(providerEntry["key"]!.GetValue<string>(), user.Account.PrivateKeyPkcs8));
        var orgEntry = profile["providerOrganizations"]!.AsArray().Single(o => o!["id"]!.GetValue<string>() == organizationId.ToString())!;
        return SymmetricKey.FromBytes(ClientCrypto.DecryptEncString(orgEntry["key"]!.GetValue<string>(), providerKey));
    }
}
