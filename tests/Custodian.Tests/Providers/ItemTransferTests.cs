using System.Net;
using System.Text.Json.Nodes;
using Custodian.Tests.Infrastructure;
using static Custodian.Tests.Providers.ProviderAccessSetup;

namespace Custodian.Tests.Providers;

/// <summary>
/// Items carried from one client to another: the browser makes the copy, <c>POST /providers/{id}/transfers</c>
/// checks it and records it in both clients' logs and the provider's; a move deletes the original for good.
/// </summary>
public sealed class ItemTransferTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An uploaded attachment (opaque bytes: the server never reads them).</summary>
    static async Task AttachAsync(TestUser user, Guid cipherId)
    {
        var announced = await user.Client.PostJsonAsync($"/api/ciphers/{cipherId}/attachment/v2",
            new { key = user.Account.Encrypt("k"), fileName = user.Account.Encrypt("a.txt"), fileSize = 4, adminRequest = false });
        var upload = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3, 4]), "data", "2.name" } };
        await ApiClient.ReadOkOrEmptyAsync(await user.Client.Http.PostAsync($"/api/ciphers/{cipherId}/attachment/{announced["attachmentId"]}", upload, Ct));
    }

    /// <summary>The setup, with the technician assigned to both clients and a copy of item A (with its attachment) made in client B.</summary>
    async Task<(ProviderAccessSetup S, Guid Copy)> WithCopyAsync()
    {
        var s = await CreateAsync(api);
        await s.Provider.AssignAsync([s.TechnicianId], s.ClientA.Id, s.ClientB.Id);
        await AttachAsync(s.Technician, s.ItemA);
        var copy = await s.ClientB.CreateItemAsync(s.Technician, "A secret", await s.ClientB.CreateCollectionAsync("Copied"));
        await AttachAsync(s.Technician, copy);
        return (s, copy);
    }

    static object Body(ProviderAccessSetup s, string mode, params (Guid Source, Guid Target)[] pairs) => new
    {
        sourceOrganizationId = s.ClientA.Id, targetOrganizationId = s.ClientB.Id, mode,
        items = pairs.Select(p => new { sourceCipherId = p.Source, targetCipherId = p.Target }),
    };

    /// <summary>The client's items as its owner's Admin Console lists them (trash included).</summary>
    static async Task<List<Guid>> ItemsOfAAsync(ProviderAccessSetup s) =>
        [.. (await s.ClientOwner.Client.GetJsonAsync($"/api/ciphers/organization-details?organizationId={s.ClientA.Id}"))["data"]!.AsArray()
            .Select(c => Guid.Parse(c!["id"]!.GetValue<string>()))];

    static List<JsonNode> Log(JsonObject page) => [.. page["data"]!.AsArray().Select(e => e!)];

    static bool Is(JsonNode e, int type, Guid cipherId) =>
        e["type"]!.GetValue<int>() == type && e["cipherId"]?.GetValue<string>() == cipherId.ToString();

    [Fact]
    public async Task Copy_ByTechnicianCarryingBoth_IsInEachClientsLogAndTheProviders_NamingNeitherToTheOther()
    {
        var (s, copy) = await WithCopyAsync();

        var result = await s.Technician.Client.PostJsonAsync(s.Url("/transfers"), Body(s, "copy", (s.ItemA, copy)));

        Assert.Equal("providerItemTransfer", result["object"]!.GetValue<string>());
        Assert.Equal(1, result["count"]!.GetValue<int>());
        var logA = Log(await s.ClientOwner.Client.GetJsonAsync($"/api/organizations/{s.ClientA.Id}/events"));
        var copiedOut = Assert.Single(logA, e => Is(e, 9900, s.ItemA));
        Assert.Equal(s.Technician.Id.ToString(), copiedOut["actingUserId"]!.GetValue<string>());
        Assert.Equal(s.Provider.Id.ToString(), copiedOut["providerId"]!.GetValue<string>());
        var logB = Log(await s.Provider.Owner.Client.GetJsonAsync($"/api/organizations/{s.ClientB.Id}/events"));
        Assert.Single(logB, e => Is(e, 9902, copy));
        // Tenant isolation: no row of one client's log names the other client or the other's item.
        Assert.DoesNotContain(logA, e => e.ToJsonString().Contains(s.ClientB.Id.ToString(), StringComparison.Ordinal)
            || e.ToJsonString().Contains(copy.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(logB, e => e.ToJsonString().Contains(s.ClientA.Id.ToString(), StringComparison.Ordinal)
            || e.ToJsonString().Contains(s.ItemA.ToString(), StringComparison.Ordinal));
        var providerLog = Log(await s.Provider.Owner.Client.GetJsonAsync(s.Url("/events")));
        Assert.Contains(providerLog, e => Is(e, 9900, s.ItemA) && e["providerUserId"]!.GetValue<string>() == s.TechnicianId.ToString());
        Assert.Contains(providerLog, e => Is(e, 9902, copy));
        // A copy leaves the original where it was.
        Assert.Contains(s.ItemA, await ItemsOfAAsync(s));
    }

    [Fact]
    public async Task Move_DeletesTheOriginalForGood_InTheSameSaveAsTheEvents()
    {
        var (s, copy) = await WithCopyAsync();

        await s.Technician.Client.PostJsonAsync(s.Url("/transfers"), Body(s, "move", (s.ItemA, copy)));

        // Not in the trash either: a member of the source client cannot restore it.
        Assert.DoesNotContain(s.ItemA, await ItemsOfAAsync(s));
        await ApiClient.ReadErrorAsync(await s.Technician.Client.GetAsync($"/api/ciphers/{s.ItemA}"), HttpStatusCode.NotFound);
        var types = Types(await s.ClientOwner.Client.GetJsonAsync($"/api/organizations/{s.ClientA.Id}/events")).ToList();
        Assert.Contains(9901, types);
        Assert.Contains(1102, types);
        Assert.Single(Log(await s.Provider.Owner.Client.GetJsonAsync($"/api/organizations/{s.ClientB.Id}/events")), e => Is(e, 9903, copy));
        Assert.Contains(copy, await SyncedItemsAsync(s.Technician));
    }

    [Fact]
    public async Task CallersWhoDoNotCarryBothClients_GetNotFound_AndNothingIsWritten()
    {
        var (s, copy) = await WithCopyAsync();
        var body = Body(s, "move", (s.ItemA, copy));
        var onlyA = await api.LoginNewUserAsync();
        await s.Provider.AssignAsync([await api.AddProviderUserAsync(s.Provider, onlyA)], s.ClientA.Id);
        var otherAdmin = await api.LoginNewUserAsync();
        var other = await api.CreateProviderAsync(otherAdmin, "Other MSP");

        await ApiClient.ReadErrorAsync(await onlyA.Client.PostAsync(s.Url("/transfers"), body), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await otherAdmin.Client.PostAsync(s.Url("/transfers"), body), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await otherAdmin.Client.PostAsync($"/api/providers/{other.Id}/transfers", body), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await s.ClientOwner.Client.PostAsync(s.Url("/transfers"), body), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().PostAsync(s.Url("/transfers"), body)).StatusCode);
        // An unassigned technician administers both clients but carries neither's items.
        await ApiClient.ReadErrorAsync(await (await api.LoginNewUserAsync()).Client.PostAsync(s.Url("/transfers"), body), HttpStatusCode.NotFound);

        Assert.Contains(s.ItemA, await ItemsOfAAsync(s));
        Assert.DoesNotContain(9901, Types(await s.ClientOwner.Client.GetJsonAsync($"/api/organizations/{s.ClientA.Id}/events")));
    }

    [Fact]
    public async Task BadPairs_AreRefusedWhole_WithTheOriginalsKept()
    {
        var (s, copy) = await WithCopyAsync();
        var tech = s.Technician.Client;
        var bare = await s.ClientB.CreateItemAsync(s.Technician, "No attachment", await s.ClientB.CreateCollectionAsync("Bare"));
        var secondSource = await s.ClientA.CreateItemAsync(s.Technician, "Second", await s.ClientA.CreateCollectionAsync("Two"));
        var secondCopy = await s.ClientB.CreateItemAsync(s.Technician, "Second", await s.ClientB.CreateCollectionAsync("Two"));

        // One good pair and one whose copy lacks the original's attachment: neither is recorded, neither original deleted.
        var missing = await ApiClient.ReadErrorAsync(await tech.PostAsync(s.Url("/transfers"),
            Body(s, "move", (secondSource, secondCopy), (s.ItemA, bare))), HttpStatusCode.BadRequest);
        Assert.NotNull(missing["validationErrors"]!["Items"]);
        await ApiClient.ReadErrorAsync(await tech.PostAsync(s.Url("/transfers"), Body(s, "move", (secondSource, s.ItemA))), HttpStatusCode.BadRequest);  // no item of the target
        await ApiClient.ReadErrorAsync(await tech.PostAsync(s.Url("/transfers"), Body(s, "move", (s.ItemB, copy))), HttpStatusCode.BadRequest);     // not an item of A
        await ApiClient.ReadErrorAsync(await tech.PostAsync(s.Url("/transfers"), Body(s, "move", (s.ItemA, Guid.NewGuid()))), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await tech.PostAsync(s.Url("/transfers"), Body(s, "move", (s.ItemA, copy), (s.ItemA, copy))), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await tech.PostAsync(s.Url("/transfers"), Body(s, "swap", (s.ItemA, copy))), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await tech.PostAsync(s.Url("/transfers"), Body(s, "copy")), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await tech.PostAsync(s.Url("/transfers"), new
        {
            sourceOrganizationId = s.ClientA.Id, targetOrganizationId = s.ClientA.Id, mode = "copy",
            items = new[] { new { sourceCipherId = s.ItemA, targetCipherId = secondSource } },
        }), HttpStatusCode.BadRequest);

        var synced = await ItemsOfAAsync(s);
        Assert.Contains(s.ItemA, synced);
        Assert.Contains(secondSource, synced);
        var types = Types(await s.ClientOwner.Client.GetJsonAsync($"/api/organizations/{s.ClientA.Id}/events")).ToList();
        Assert.DoesNotContain(9901, types);
        Assert.DoesNotContain(1102, types);
    }

    [Fact]
    public async Task PersonalItem_OfATechnician_SharesIntoACarriedClientOnly()
    {
        var s = await CreateAsync(api);
        await s.Provider.AssignAsync([s.TechnicianId], s.ClientA.Id);
        var collectionA = await s.ClientA.CreateCollectionAsync("From technicians");
        var collectionB = await s.ClientB.CreateCollectionAsync("From technicians");
        async Task<HttpResponseMessage> ShareAsync(TestOrganization into, Guid collection)
        {
            var personalId = await Vault.TestCiphers.CreateAsync(s.Technician);
            var personal = await s.Technician.Client.GetJsonAsync($"/api/ciphers/{personalId}");
            var body = TestCollections.Item(into, "Printer admin");
            body["lastKnownRevisionDate"] = personal["revisionDate"]!.GetValue<string>();
            return await s.Technician.Client.PutAsync($"/api/ciphers/{personalId}/share", new { cipher = body, collectionIds = new[] { collection } });
        }

        var shared = await ApiClient.ReadOkAsync(await ShareAsync(s.ClientA, collectionA));
        await ApiClient.ReadErrorAsync(await ShareAsync(s.ClientB, collectionB), HttpStatusCode.BadRequest);   // administered, not carried

        var id = Guid.Parse(shared["id"]!.GetValue<string>());
        Assert.Contains(id, await ItemsOfAAsync(s));
        Assert.Single(Log(await s.ClientOwner.Client.GetJsonAsync($"/api/organizations/{s.ClientA.Id}/events")), e => Is(e, 1105, id));
    }
}
