using System.Net;
using Custodian.Server.Features.Organizations;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Organizations;

public sealed class OrgTransferTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Import_CreatesAndReusesCollections_ExportReturnsEverything()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var existing = await org.CreateCollectionAsync("Existing");

        await ApiClient.ReadOkOrEmptyAsync(await owner.Client.PostAsync($"/api/ciphers/import-organization?organizationId={org.Id}", new
        {
            ciphers = new[] { TestCollections.Item(org, "one"), TestCollections.Item(org, "two"), TestCollections.Item(org, "three") },
            collections = new[] { new { id = (string?)null, name = org.Encrypt("Imported"), externalId = (string?)null }, new { id = (string?)existing.ToString(), name = org.Encrypt("Existing"), externalId = (string?)null } },
            collectionRelationships = new[] { new { key = 0, value = 0 }, new { key = 1, value = 1 }, new { key = 1, value = 0 } },
        }));

        var export = await owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/export");
        Assert.Equal("organizationExport", export["object"]!.GetValue<string>());
        var names = export["collections"]!.AsArray().Select(c => org.Decrypt(c!["name"]!.GetValue<string>())).ToList();
        Assert.Contains("Imported", names);
        Assert.Single(names, n => n == "Existing");
        var items = export["ciphers"]!.AsArray().ToDictionary(c => org.Decrypt(c!["name"]!.GetValue<string>()), c => c!);
        Assert.Equal(3, items.Count);
        Assert.Equal(2, items["two"]["collectionIds"]!.AsArray().Count);
        Assert.Empty(items["three"]["collectionIds"]!.AsArray());
        Assert.True(items["three"].AsObject().ContainsKey("deletedDate"));
        Assert.Equal("org-secret", org.Decrypt(items["one"]["login"]!["password"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Import_BadRelationshipOrForeignItem_ImportsNothing()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var other = await owner.CreateOrganizationAsync("Other");
        var url = $"/api/ciphers/import-organization?organizationId={org.Id}";

        await ApiClient.ReadErrorAsync(await owner.Client.PostAsync(url, new
        {
            ciphers = new[] { TestCollections.Item(org, "one") },
            collections = new[] { new { name = org.Encrypt("C") } },
            collectionRelationships = new[] { new { key = 0, value = 3 } },
        }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await owner.Client.PostAsync(url, new { ciphers = new[] { TestCollections.Item(other, "x") } }), HttpStatusCode.BadRequest);

        var export = await owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/export");
        Assert.Empty(export["ciphers"]!.AsArray());
        Assert.Single(export["collections"]!.AsArray());   // the default collection only
    }

    [Fact]
    public async Task ImportAndExport_Authorization()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var user = await api.LoginNewUserAsync();
        await api.AddConfirmedMemberAsync(org, user);
        var custom = await api.LoginNewUserAsync();
        await api.AddConfirmedMemberAsync(org, custom, OrganizationUserType.Custom, new MemberPermissions { AccessImportExport = true });
        var stranger = await api.LoginNewUserAsync();
        var body = new { ciphers = new[] { TestCollections.Item(org, "x") } };
        var importUrl = $"/api/ciphers/import-organization?organizationId={org.Id}";
        var exportUrl = $"/api/organizations/{org.Id}/export";

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().GetAsync(exportUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().PostAsync(importUrl, body)).StatusCode);
        foreach (var denied in new[] { user, stranger })
        {
            await ApiClient.ReadErrorAsync(await denied.Client.GetAsync(exportUrl), HttpStatusCode.NotFound);
            await ApiClient.ReadErrorAsync(await denied.Client.PostAsync(importUrl, body), HttpStatusCode.NotFound);
        }
        await ApiClient.ReadOkOrEmptyAsync(await custom.Client.PostAsync(importUrl, body));
        Assert.Single((await custom.Client.GetJsonAsync(exportUrl))["ciphers"]!.AsArray());
        var otherOrg = await stranger.CreateOrganizationAsync();
        await ApiClient.ReadErrorAsync(await owner.Client.GetAsync($"/api/organizations/{otherOrg.Id}/export"), HttpStatusCode.NotFound);
    }
}
