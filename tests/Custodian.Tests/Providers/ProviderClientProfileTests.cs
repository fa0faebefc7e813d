using System.Text.Json;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Features.Providers;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Support;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Custodian.Tests.Providers;

/// <summary>
/// The provider users' <c>providerOrganizations</c> is served from each instance's kept copy while the provider's
/// clients revision matches: every kind of change to a client shows in the next sync through either instance, and
/// what a sync sends is, byte for byte, the list built afresh from the database.
/// </summary>
public sealed class ProviderClientProfileTests : IAsyncLifetime
{
    readonly string _database = $"custodian_test_{Guid.NewGuid():N}";
    readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    ClockedServer? _a;
    ClockedServer? _b;

    public async ValueTask InitializeAsync()
    {
        _a = new ClockedServer(_database, _clock);
        await _a.InitializeAsync();
        _b = new ClockedServer(_database, _clock);
        await _b.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _b!.DisposeAsync();
        await _a!.DisposeAsync();
    }

    [Fact]
    public async Task EveryClientChange_ShowsInTheNextSync_OnBothInstances_AsTheUncachedBytes()
    {
        var s = await ProviderAccessSetup.CreateAsync(_a!);
        var owner = s.Provider.Owner;
        var onB = _b!.CreateApiClient();
        onB.UseToken(s.Technician.AccessToken);
        var technicianOnB = s.Technician with { Client = onB };
        var linkA = await LinkIdAsync(s, s.ClientA.Id);
        await EntriesAsync(s, technicianOnB);   // both instances keep the list from here on
        await EntriesAsync(s, s.Technician);

        await ApiClient.ReadOkOrEmptyAsync(await owner.Client.PutAsync(s.Url($"/clients/{linkA}"), new { assignedSeats = 7, name = "Renamed A" }));
        var entry = (await EntriesAsync(s, technicianOnB))[s.ClientA.Id];
        Assert.Equal(("Renamed A", 7), (entry.GetProperty("name").GetString(), entry.GetProperty("seats").GetInt32()));

        await ApiClient.ReadOkOrEmptyAsync(await owner.Client.PutAsync($"/api/organizations/{s.ClientA.Id}/collection-management", new
        {
            limitCollectionCreation = true, limitCollectionDeletion = true, limitItemDeletion = true, allowAdminAccessToAllCollectionItems = false,
        }));
        entry = (await EntriesAsync(s, s.Technician))[s.ClientA.Id];
        Assert.True(entry.GetProperty("limitItemDeletion").GetBoolean());
        Assert.False(entry.GetProperty("allowAdminAccessToAllCollectionItems").GetBoolean());
        Assert.True((await EntriesAsync(s, technicianOnB))[s.ClientA.Id].GetProperty("limitCollectionCreation").GetBoolean());

        await ApiClient.ReadOkOrEmptyAsync(await _a!.AdminClient().PutAsync($"/admin/organizations/{s.ClientB.Id}", new { seats = 12, planType = 20, enabled = false }));
        entry = (await EntriesAsync(s, technicianOnB))[s.ClientB.Id];
        Assert.Equal((12, false), (entry.GetProperty("seats").GetInt32(), entry.GetProperty("enabled").GetBoolean()));

        await ApiClient.ReadOkOrEmptyAsync(await owner.Client.PutAsync(s.Url(""), new { name = "Southwind MSP", billingEmail = owner.Email }));
        Assert.All((await EntriesAsync(s, technicianOnB)).Values, e => Assert.Equal("Southwind MSP", e.GetProperty("providerName").GetString()));

        var own = await owner.CreateOrganizationAsync("Own company");
        await ApiClient.ReadOkOrEmptyAsync(await owner.Client.PostAsync(s.Url("/clients/existing"),
            new { organizationId = own.Id, key = ClientCrypto.EncryptToEncString(own.Key.ToBytes(), s.Provider.Key) }));
        Assert.Contains(own.Id, (await EntriesAsync(s, technicianOnB)).Keys);

        await ApiClient.ReadOkOrEmptyAsync(await owner.Client.DeleteAsync(s.Url($"/organizations/{await LinkIdAsync(s, own.Id)}")));
        Assert.DoesNotContain(own.Id, (await EntriesAsync(s, technicianOnB)).Keys);

        await ApiClient.ReadOkOrEmptyAsync(await owner.Client.DeleteAsync($"/api/organizations/{s.ClientA.Id}",
            new { masterPasswordHash = owner.Account.MasterPasswordHash }));
        Assert.Equal(new[] { s.ClientB.Id }, (await EntriesAsync(s, technicianOnB)).Keys);
        Assert.Equal(new[] { s.ClientB.Id }, (await EntriesAsync(s, s.Technician)).Keys);
    }

    [Fact]
    public async Task KeptLists_CutIntoRuns_WriteTheSameBytesAsTheEntries_ForSeveralProviders()
    {
        var s = await ProviderAccessSetup.CreateAsync(_a!);
        var ct = TestContext.Current.CancellationToken;
        using var scope = _a!.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Custodian.Server.Infrastructure.Data.AppDbContext>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var user = Guid.NewGuid();
        var entries = await ProfileOrganizationResponse.ForProviderClientsAsync(db, s.Provider.Id, user, ct);
        var placeholders = await ProfileOrganizationResponse.ForProviderClientsAsync(db, s.Provider.Id, Guid.Empty, ct);
        List<ProfileOrganizationResponse> three = [.. entries, .. entries, .. entries], threeKept = [.. placeholders, .. placeholders, .. placeholders];

        foreach (var runBytes in new[] { 1, 2000, 1 << 20 })   // a run per entry, two entries a run, one run
        {
            List<ClientList> kept = [ProviderClientProfiles.Serialize(Guid.Empty, threeKept, options, runBytes),
                ProviderClientProfiles.Serialize(Guid.Empty, [], options, runBytes), ProviderClientProfiles.Serialize(Guid.Empty, placeholders, options, runBytes)];
            Assert.Equal(JsonSerializer.Serialize<List<ProfileOrganizationResponse>>([.. three, .. entries], options),
                JsonSerializer.Serialize(new ProviderClientEntries(kept, user), options));
        }
        Assert.Equal("[]", JsonSerializer.Serialize(new ProviderClientEntries([ProviderClientProfiles.Serialize(Guid.Empty, [], options)], user), options));
    }

    static async Task<string> LinkIdAsync(ProviderAccessSetup s, Guid organizationId) =>
        (await s.Provider.Owner.Client.GetJsonAsync(s.Url("/organizations")))["data"]!.AsArray()
            .Single(c => c!["organizationId"]!.GetValue<string>() == organizationId.ToString())!["id"]!.GetValue<string>();

    /// <summary>
    /// The user's <c>providerOrganizations</c> from a sync through its client's instance, checked to be exactly the
    /// bytes the entries built from the database serialize to; by org id.
    /// </summary>
    async Task<Dictionary<Guid, JsonElement>> EntriesAsync(ProviderAccessSetup s, TestUser user)
    {
        var ct = TestContext.Current.CancellationToken;
        using var sync = JsonDocument.Parse(await user.Client.Http.GetStringAsync("/api/sync?excludeDomains=true", ct));
        var sent = sync.RootElement.GetProperty("profile").GetProperty("providerOrganizations");
        using (var scope = _a!.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Custodian.Server.Infrastructure.Data.AppDbContext>();
            var fresh = await ProfileOrganizationResponse.ForProviderClientsAsync(db, s.Provider.Id, user.Id, ct);
            var options = scope.ServiceProvider.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            Assert.Equal(JsonSerializer.Serialize(fresh, options), sent.GetRawText());
        }
        return sent.EnumerateArray().ToDictionary(e => e.GetProperty("id").GetGuid(), e => e.Clone());
    }
}
