using System.Net;
using Custodian.Tests.Infrastructure;
using static Custodian.Tests.Providers.ProviderAccessSetup;

namespace Custodian.Tests.Providers;

public sealed class AssignmentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task UnassignedTechnician_AdministersTheClient_ButItsItemsAreAbsent_UntilAssigned()
    {
        var s = await CreateAsync(api);
        var tech = s.Technician.Client;

        Assert.DoesNotContain(s.ItemA, await SyncedItemsAsync(s.Technician));
        Assert.DoesNotContain((await tech.GetJsonAsync("/api/collections"))["data"]!.AsArray(), c => c!["organizationId"]!.GetValue<string>() == s.ClientA.Id.ToString());
        await ApiClient.ReadErrorAsync(await tech.GetAsync($"/api/ciphers/{s.ItemA}"), HttpStatusCode.NotFound);
        Assert.Empty((await tech.GetJsonAsync($"/api/ciphers/organization-details?organizationId={s.ClientA.Id}"))["data"]!.AsArray());
        await ApiClient.ReadErrorAsync(await tech.GetAsync($"/api/organizations/{s.ClientA.Id}/export"), HttpStatusCode.NotFound);
        // Administration needs no items: members, collections' names and access, policies, events.
        Assert.Equal(HttpStatusCode.OK, (await tech.GetAsync($"/api/organizations/{s.ClientA.Id}/users")).StatusCode);
        Assert.Equal(2, (await tech.GetJsonAsync($"/api/organizations/{s.ClientA.Id}/collections/details"))["data"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.OK, (await tech.GetAsync($"/api/organizations/{s.ClientA.Id}/policies")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tech.GetAsync($"/api/organizations/{s.ClientA.Id}/events")).StatusCode);
        var before = await tech.GetRevisionDateAsync();

        await s.Provider.AssignAsync([s.TechnicianId], s.ClientA.Id);

        Assert.True(await tech.GetRevisionDateAsync() > before);
        var synced = await SyncedItemsAsync(s.Technician);
        Assert.Contains(s.ItemA, synced);
        Assert.DoesNotContain(s.ItemB, synced);
        Assert.Equal(HttpStatusCode.OK, (await tech.GetAsync($"/api/ciphers/{s.ItemA}")).StatusCode);
        Assert.Single((await tech.GetJsonAsync($"/api/ciphers/organization-details?organizationId={s.ClientA.Id}"))["data"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await tech.GetAsync($"/api/organizations/{s.ClientA.Id}/export")).StatusCode);
        var afterAssign = await tech.GetRevisionDateAsync();

        await ApiClient.ReadOkOrEmptyAsync(await s.Provider.Owner.Client.PostAsync(s.Url("/assignments/remove"),
            new { providerUserIds = new[] { s.TechnicianId }, organizationIds = new[] { s.ClientA.Id } }));

        Assert.True(await tech.GetRevisionDateAsync() > afterAssign);
        Assert.DoesNotContain(s.ItemA, await SyncedItemsAsync(s.Technician));
        await ApiClient.ReadErrorAsync(await tech.GetAsync($"/api/ciphers/{s.ItemA}"), HttpStatusCode.NotFound);
        var types = Types(await s.ClientOwner.Client.GetJsonAsync($"/api/organizations/{s.ClientA.Id}/events")).ToList();
        Assert.Contains(9500, types);
        Assert.Contains(9501, types);
        var providerLog = (await s.Provider.Owner.Client.GetJsonAsync(s.Url("/events")))["data"]!.AsArray();
        Assert.Contains(providerLog, e => e!["type"]!.GetValue<int>() == 9501 && e["userId"]!.GetValue<string>() == s.Technician.Id.ToString()
            && e["organizationId"]!.GetValue<string>() == s.ClientA.Id.ToString());
    }

    [Fact]
    public async Task TechnicianWhoCreatesAClient_IsAssignedToIt()
    {
        var s = await CreateAsync(api);

        var own = await s.Provider.CreateClientAsync(s.Technician, $"Onboarded {Guid.NewGuid():N}", TestAccounts.NewEmail());
        var item = await own.CreateItemAsync(s.Technician, "Router", await own.CreateCollectionAsync("Net"));

        Assert.Contains(item, await SyncedItemsAsync(s.Technician));
        var clients = (await s.Provider.Owner.Client.GetJsonAsync(s.Url($"/assignments/users/{s.TechnicianId}")))["data"]!.AsArray();
        Assert.Equal("assigned", clients.Single()!["via"]!.GetValue<string>());
        Assert.Equal(own.Id.ToString(), clients.Single()!["organizationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task BulkByClientAndByTechnician_ReplaceTheLists()
    {
        var s = await CreateAsync(api);
        var second = await api.LoginNewUserAsync();
        var secondId = await api.AddProviderUserAsync(s.Provider, second);
        var owner = s.Provider.Owner.Client;

        await ApiClient.ReadOkOrEmptyAsync(await owner.PutAsync(s.Url($"/assignments/clients/{s.ClientA.Id}"), new { providerUserIds = new[] { s.TechnicianId, secondId } }));
        await ApiClient.ReadOkOrEmptyAsync(await owner.PutAsync(s.Url($"/assignments/users/{s.TechnicianId}"), new { organizationIds = new[] { s.ClientB.Id } }));

        var ofA = (await owner.GetJsonAsync(s.Url($"/assignments/clients/{s.ClientA.Id}")))["data"]!.AsArray().Select(r => Guid.Parse(r!["providerUserId"]!.GetValue<string>())).ToList();
        Assert.Contains(secondId, ofA);
        Assert.DoesNotContain(s.TechnicianId, ofA);   // replaced by the technician's own list
        var synced = await SyncedItemsAsync(s.Technician);
        Assert.Contains(s.ItemB, synced);
        Assert.DoesNotContain(s.ItemA, synced);
        Assert.Contains(s.ItemA, await SyncedItemsAsync(second));
        var bad = await ApiClient.ReadErrorAsync(await owner.PutAsync(s.Url($"/assignments/users/{s.TechnicianId}"), new { organizationIds = new[] { Guid.NewGuid() } }),
            HttpStatusCode.BadRequest);
        Assert.NotNull(bad["validationErrors"]!["OrganizationIds"]);
        await ApiClient.ReadErrorAsync(await owner.PostAsync(s.Url("/assignments"), new { providerUserIds = new[] { Guid.NewGuid() }, organizationIds = new[] { s.ClientA.Id } }),
            HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await owner.PostAsync(s.Url("/assignments"), new { organizationIds = new[] { s.ClientA.Id } }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Team_GivesItsMembersItsClients_AndDeletingItTakesThemAway()
    {
        var s = await CreateAsync(api);
        var owner = s.Provider.Owner.Client;

        var team = await owner.PostJsonAsync(s.Url("/teams"), new { name = "Night shift", providerUserIds = new[] { s.TechnicianId }, organizationIds = new[] { s.ClientB.Id } });

        Assert.Equal("providerTeam", team["object"]!.GetValue<string>());
        Assert.Contains(s.ItemB, await SyncedItemsAsync(s.Technician));
        var reach = (await owner.GetJsonAsync(s.Url($"/assignments/clients/{s.ClientB.Id}")))["data"]!.AsArray();
        Assert.Contains(reach, r => r!["via"]!.GetValue<string>() == "team" && r["teamName"]!.GetValue<string>() == "Night shift");
        Assert.Equal("Night shift", (await owner.GetJsonAsync(s.Url("/teams")))["data"]![0]!["name"]!.GetValue<string>());
        await owner.PutJsonAsync(s.Url($"/teams/{team["id"]}"), new { name = "Day shift", providerUserIds = new[] { s.TechnicianId }, organizationIds = new[] { s.ClientA.Id } });
        var synced = await SyncedItemsAsync(s.Technician);
        Assert.Contains(s.ItemA, synced);
        Assert.DoesNotContain(s.ItemB, synced);

        Assert.Equal(HttpStatusCode.OK, (await owner.DeleteAsync(s.Url($"/teams/{team["id"]}"))).StatusCode);
        Assert.DoesNotContain(s.ItemA, await SyncedItemsAsync(s.Technician));
        await ApiClient.ReadErrorAsync(await owner.PostAsync(s.Url("/teams"), new { name = "", providerUserIds = Array.Empty<Guid>(), organizationIds = Array.Empty<Guid>() }),
            HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await owner.DeleteAsync(s.Url($"/teams/{Guid.NewGuid()}")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ProviderAdminWithoutAssignments_SyncsNoClientItems()
    {
        var s = await CreateAsync(api);
        var admin = await api.LoginNewUserAsync();
        await api.AddProviderUserAsync(s.Provider, admin, type: 0);

        var synced = await SyncedItemsAsync(admin);

        Assert.Empty(synced);
        Assert.Equal(2, (await admin.Client.GetJsonAsync("/api/accounts/profile"))["providerOrganizations"]!.AsArray().Count);
    }
}
