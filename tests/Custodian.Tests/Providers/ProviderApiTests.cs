using System.Net;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Providers;

/// <summary>The provider API key: who makes it, what its token reaches, and that rotation ends it.</summary>
public sealed class ProviderApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static async Task<string> KeyAsync(TestProvider provider, bool rotate = false) =>
        (await provider.Owner.Client.PostJsonAsync($"/api/providers/{provider.Id}/{(rotate ? "rotate-api-key" : "api-key")}",
            new { masterPasswordHash = provider.Owner.Account.MasterPasswordHash }))["apiKey"]!.GetValue<string>();

    async Task<ApiClient> ClientAsync(Guid providerId, string secret)
    {
        var token = await ApiClient.ReadOkAsync(await api.CreateApiClient().PostFormAsync("/identity/connect/token",
            TestApiKeys.ClientCredentials($"provider.{providerId}", secret, "api.provider")));
        var client = api.CreateApiClient();
        client.UseToken(token["access_token"]!.GetValue<string>());
        return client;
    }

    [Fact]
    public async Task ProviderKey_ListsClientsWithUsage_SetsSeatsRenamesDisables_Bulk_Members_Events()
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);
        var clientA = await provider.CreateClientAsync(owner, $"A {Guid.NewGuid():N}", TestAccounts.NewEmail("a"));
        var clientB = await provider.CreateClientAsync(owner, $"B {Guid.NewGuid():N}", TestAccounts.NewEmail("b"));
        var script = await ClientAsync(provider.Id, await KeyAsync(provider));

        var clients = (await script.GetJsonAsync("/api/provider-api/clients"))["data"]!.AsArray();
        Assert.Equal(2, clients.Count);
        var a = clients.Single(c => c!["id"]!.GetValue<string>() == clientA.Id.ToString())!;
        Assert.Equal(10, a["seats"]!.GetValue<int>());
        Assert.Equal(1, a["occupiedSeats"]!.GetValue<int>());   // the invited owner

        await ApiClient.ReadOkOrEmptyAsync(await script.PutAsync($"/api/provider-api/clients/{clientA.Id}", new { name = "Renamed", seats = 25 }));
        var after = (await script.GetJsonAsync("/api/provider-api/clients"))["data"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == clientA.Id.ToString())!;
        Assert.Equal("Renamed", after["name"]!.GetValue<string>());
        Assert.Equal(25, after["seats"]!.GetValue<int>());
        await ApiClient.ReadErrorAsync(await script.PutAsync($"/api/provider-api/clients/{clientA.Id}", new { seats = -1 }), HttpStatusCode.BadRequest);

        var stranger = await (await api.LoginNewUserAsync()).CreateOrganizationAsync("Not a client");
        var bulk = await script.PostJsonAsync("/api/provider-api/clients/bulk", new { ids = new[] { clientA.Id, clientB.Id, stranger.Id }, enabled = false });
        var results = bulk["data"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!["error"]!.GetValue<string>());
        Assert.Equal("", results[clientA.Id.ToString()]);
        Assert.Equal("", results[clientB.Id.ToString()]);
        Assert.Equal("Client not found.", results[stranger.Id.ToString()]);
        Assert.All((await script.GetJsonAsync("/api/provider-api/clients"))["data"]!.AsArray(), c => Assert.False(c!["enabled"]!.GetValue<bool>()));

        var members = (await script.GetJsonAsync($"/api/provider-api/clients/{clientA.Id}/members"))["data"]!.AsArray();
        Assert.Single(members);
        Assert.Equal(HttpStatusCode.NotFound, (await script.GetAsync($"/api/provider-api/clients/{stranger.Id}/members")).StatusCode);
        var events = (await script.GetJsonAsync("/api/provider-api/events"))["data"]!.AsArray();
        Assert.Contains(events, e => e!["type"]!.GetValue<int>() == 1600 && e["organizationId"]!.GetValue<string>() == clientA.Id.ToString());
    }

    [Fact]
    public async Task Authorization_OtherProvidersKey_RotatedKey_UserTokens_ServiceUsers()
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);
        var client = await provider.CreateClientAsync(owner, $"C {Guid.NewGuid():N}", TestAccounts.NewEmail("c"));
        var otherOwner = await api.LoginNewUserAsync();
        var other = await api.CreateProviderAsync(otherOwner, "Other MSP");
        var otherScript = await ClientAsync(other.Id, await KeyAsync(other));
        Assert.Empty((await otherScript.GetJsonAsync("/api/provider-api/clients"))["data"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await otherScript.PutAsync($"/api/provider-api/clients/{client.Id}", new { name = "Hijacked" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherScript.GetAsync($"/api/provider-api/clients/{client.Id}/members")).StatusCode);

        // Only provider admins make keys; a service user, a stranger and the other provider's admin get 404.
        var technician = await api.LoginNewUserAsync();
        await api.AddProviderUserAsync(provider, technician, type: 1);
        foreach (var denied in new[] { technician, otherOwner, await api.LoginNewUserAsync() })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await denied.Client.PostAsync($"/api/providers/{provider.Id}/api-key",
                new { masterPasswordHash = denied.Account.MasterPasswordHash })).StatusCode);
        }
        await ApiClient.ReadErrorAsync(await owner.Client.PostAsync($"/api/providers/{provider.Id}/api-key", new { masterPasswordHash = "wrong" }), HttpStatusCode.BadRequest);

        var secret = await KeyAsync(provider);
        var script = await ClientAsync(provider.Id, secret);
        Assert.Equal(HttpStatusCode.Forbidden, (await script.GetAsync("/api/sync")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await script.GetAsync("/api/public/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Client.GetAsync("/api/provider-api/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.OrgApiClientAsync(client.Id, await OrgKeyViaProvider(owner, client))).GetAsync("/api/provider-api/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().GetAsync("/api/provider-api/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.CreateApiClient().PostFormAsync("/identity/connect/token",
            TestApiKeys.ClientCredentials($"provider.{other.Id}", secret, "api.provider"))).StatusCode);

        var rotated = await KeyAsync(provider, rotate: true);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/provider-api/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await ClientAsync(provider.Id, rotated)).GetAsync("/api/provider-api/clients")).StatusCode);
    }

    /// <summary>A provider admin acts as the client's owner, so it reads the client's org API key too.</summary>
    static async Task<string> OrgKeyViaProvider(TestUser providerAdmin, TestOrganization client) =>
        (await providerAdmin.Client.PostJsonAsync($"/api/organizations/{client.Id}/api-key",
            new { masterPasswordHash = providerAdmin.Account.MasterPasswordHash }))["apiKey"]!.GetValue<string>();
}
