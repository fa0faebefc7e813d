using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Custodian.Server.Features.Organizations;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Providers;

/// <summary>The audit roll-up: clients' own members' events in the provider's log, per client and per technician, exported whole.</summary>
public sealed class ProviderAuditTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public sealed record World(TestProvider Provider, TestUser Technician, Guid TechnicianId, TestOrganization Client, TestUser Member, Guid ItemId, Guid CollectionId);

    /// <summary>A client whose own admin adds an item, and a technician who adds a collection there through the provider.</summary>
    public static async Task<World> CreateAsync(ApiFactory api)
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);
        var technician = await api.LoginNewUserAsync();
        var technicianId = await api.AddProviderUserAsync(provider, technician);
        var client = await provider.CreateClientAsync(owner, $"Client {Guid.NewGuid():N}", TestAccounts.NewEmail("c"));
        var member = await api.LoginNewUserAsync();
        var memberId = await api.JoinThroughInviteAsync(client, member, OrganizationUserType.Admin);
        var shared = await client.CreateCollectionAsync("Shared", TestCollections.Access(memberId, manage: true));
        var item = await client.CreateItemAsync(member, "Router", shared);
        var byTechnician = await (client with { Owner = technician }).CreateCollectionAsync("Tech");
        return new World(provider, technician, technicianId, client, member, item, byTechnician);
    }

    static IEnumerable<JsonNode> Events(JsonObject page) => page["data"]!.AsArray().Select(e => e!);

    [Fact]
    public async Task RollUp_HasClientMembersEvents_FiltersByClientAndTechnician_ExportsCsvAndJsonLines()
    {
        var w = await CreateAsync(api);
        var admin = w.Provider.Owner.Client;
        var url = $"/api/providers/{w.Provider.Id}/audit/events";
        var all = await admin.GetJsonAsync(url);
        Assert.Contains(Events(all), e => e["type"]!.GetValue<int>() == 1100 && e["cipherId"]!.GetValue<string>() == w.ItemId.ToString()
            && e["actingUserId"]!.GetValue<string>() == w.Member.Id.ToString());
        Assert.Contains(Events(all), e => e["type"]!.GetValue<int>() == 1900);   // the provider's own: the client created
        // The Bitwarden-shaped provider log keeps Bitwarden's meaning: not the client's own members' events.
        Assert.DoesNotContain(Events(await admin.GetJsonAsync($"/api/providers/{w.Provider.Id}/events")), e => e["type"]!.GetValue<int>() == 1100);

        var byClient = await admin.GetJsonAsync($"{url}?organizationId={w.Client.Id}");
        Assert.All(Events(byClient), e => Assert.Equal(w.Client.Id.ToString(), e["organizationId"]!.GetValue<string>()));
        var byTechnician = await admin.GetJsonAsync($"{url}?providerUserId={w.TechnicianId}");
        Assert.Contains(Events(byTechnician), e => e["type"]!.GetValue<int>() == 1300 && e["collectionId"]!.GetValue<string>() == w.CollectionId.ToString());
        Assert.All(Events(byTechnician), e => Assert.Equal(w.Technician.Id.ToString(), e["actingUserId"]!.GetValue<string>()));

        var csv = await admin.GetAsync($"{url}/export?format=csv&organizationId={w.Client.Id}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).TrimEnd().Split('\n');
        Assert.StartsWith("date,type,typeName,organizationId", lines[0], StringComparison.Ordinal);
        Assert.Equal(Events(byClient).Count(), lines.Length - 1);
        Assert.Contains(lines, l => l.Contains(",1100,Cipher_Created,", StringComparison.Ordinal) && l.Contains(w.ItemId.ToString(), StringComparison.Ordinal));
        var jsonl = await (await admin.GetAsync($"{url}/export?format=jsonl")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var parsed = jsonl.TrimEnd().Split('\n').Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(Events(all).Count(), parsed.Count);
        Assert.All(parsed, e => Assert.Equal("event", e["object"]!.GetValue<string>()));

        await ApiClient.ReadErrorAsync(await admin.GetAsync($"{url}/export?format=xml"), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await admin.GetAsync($"{url}?start=2026-01-02&end=2026-01-01"), HttpStatusCode.BadRequest);
        var notAClient = await (await api.LoginNewUserAsync()).CreateOrganizationAsync("Elsewhere");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{url}?organizationId={notAClient.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{url}?providerUserId={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task RollUp_ProviderAdminsOnly_NotTechniciansOtherProvidersClientMembersStrangers()
    {
        var w = await CreateAsync(api);
        var otherAdmin = await api.LoginNewUserAsync();
        await api.CreateProviderAsync(otherAdmin, "Other MSP");
        var url = $"/api/providers/{w.Provider.Id}/audit/events";
        foreach (var denied in new[] { w.Technician, otherAdmin, w.Member, await api.LoginNewUserAsync() })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await denied.Client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await denied.Client.GetAsync($"{url}/export?format=csv")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().GetAsync(url)).StatusCode);
    }
}
