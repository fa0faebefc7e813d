using Custodian.Tests.Infrastructure;
using Custodian.Tests.Vault;

namespace Custodian.Tests.Providers;

/// <summary>
/// A technician's sync runs as many SQL commands for one carried client with one item as for several clients with
/// several items each: assignments and the client list are read whole, never per client or per item.
/// </summary>
public sealed class ProviderSyncCommandCountTests(CountingApiFactory api) : IClassFixture<CountingApiFactory>
{
    [Fact]
    public async Task TechnicianSync_CommandCount_DoesNotGrowWithClientsOrItems()
    {
        var s = await ProviderAccessSetup.CreateAsync(api);
        await s.Provider.AssignAsync([s.TechnicianId], s.ClientA.Id);
        var small = await CountedSyncAsync(s.Technician);
        Assert.Equal([s.ItemA], await ProviderAccessSetup.SyncedItemsAsync(s.Technician));

        var owner = s.Provider.Owner;
        var collection = await s.ClientB.CreateCollectionAsync("More");
        foreach (var name in new[] { "B2", "B3", "B4" })
        {
            await s.ClientB.CreateItemAsync(owner, name, collection);
        }
        var third = await s.Provider.CreateClientAsync(owner, $"Client C {Guid.NewGuid():N}", TestAccounts.NewEmail());
        await third.CreateItemAsync(owner, "C1", await third.CreateCollectionAsync("C"));
        await s.Provider.AssignAsync([s.TechnicianId], s.ClientB.Id, third.Id);
        var large = await CountedSyncAsync(s.Technician);

        Assert.Equal(6, (await ProviderAccessSetup.SyncedItemsAsync(s.Technician)).Count);
        Assert.True(large <= small, $"A technician's sync over 3 clients and 6 items ran {large} SQL commands, over 1 client and 1 item {small}:\n{api.Counter.Listing}");
    }

    async Task<int> CountedSyncAsync(TestUser user)
    {
        api.Counter.Reset();
        await user.Client.GetJsonAsync("/api/sync?excludeDomains=true");
        return api.Counter.Commands;
    }
}
