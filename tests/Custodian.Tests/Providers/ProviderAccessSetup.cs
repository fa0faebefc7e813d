using System.Text.Json.Nodes;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Providers;

/// <summary>
/// An MSP with two clients the owner made (and so is assigned to), an item in each, a technician assigned to
/// nothing, and client A's own owner as a confirmed member.
/// </summary>
public sealed record ProviderAccessSetup(TestProvider Provider, TestUser Technician, Guid TechnicianId, TestOrganization ClientA, Guid ItemA,
    TestOrganization ClientB, Guid ItemB, TestUser ClientOwner)
{
    public string Url(string path) => $"/api/providers/{Provider.Id}{path}";

    public static async Task<ProviderAccessSetup> CreateAsync(ApiFactory api)
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);
        var technician = await api.LoginNewUserAsync();
        var technicianId = await api.AddProviderUserAsync(provider, technician);
        var clientOwner = await api.LoginNewUserAsync();
        var clientA = await provider.CreateClientAsync(owner, $"Client A {Guid.NewGuid():N}", clientOwner.Email);
        var clientB = await provider.CreateClientAsync(owner, $"Client B {Guid.NewGuid():N}", TestAccounts.NewEmail());
        var itemA = await clientA.CreateItemAsync(owner, "A secret", await clientA.CreateCollectionAsync("A"));
        var itemB = await clientB.CreateItemAsync(owner, "B secret", await clientB.CreateCollectionAsync("B"));
        var memberId = Guid.Parse((await owner.Client.GetJsonAsync($"/api/organizations/{clientA.Id}/users"))["data"]![0]!["id"]!.GetValue<string>());
        await ApiClient.ReadOkOrEmptyAsync(await clientA.AcceptAsync(clientOwner, memberId, TestMembers.ReadInviteToken(api, memberId)));
        await ApiClient.ReadOkOrEmptyAsync(await clientA.ConfirmAsync(owner, clientOwner, memberId));
        return new(provider, technician, technicianId, clientA, itemA, clientB, itemB, clientOwner);
    }

    /// <summary>The item ids in <paramref name="user"/>'s sync.</summary>
    public static async Task<List<Guid>> SyncedItemsAsync(TestUser user) =>
        [.. (await user.Client.GetJsonAsync("/api/sync?excludeDomains=true"))["ciphers"]!.AsArray().Select(c => Guid.Parse(c!["id"]!.GetValue<string>()))];

    public static IEnumerable<int> Types(JsonObject log) => log["data"]!.AsArray().Select(e => e!["type"]!.GetValue<int>());
}
