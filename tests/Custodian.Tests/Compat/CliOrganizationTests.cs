using System.Text.Json.Nodes;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Compat;

/// <summary>The official CLI administers an org and its members share items, each decrypting with their own keys.</summary>
[Collection(CompatCollection.Name)]
public sealed class CliOrganizationTests(CompatServer server) : IClassFixture<CompatServer>, IDisposable
{
    readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("custodian-bw-org-");

    public void Dispose() => _files.Delete(recursive: true);

    [Fact]
    public async Task CollectionsMembersItemsMoveAndExport_ThroughTheCli()
    {
        var (bw, owner) = await BwCli.LoginNewUserAsync(server);
        using var _ = bw;
        var org = await owner.CreateOrganizationAsync("Contoso");
        (await bw.RunAsync("sync", "--force")).EnsureSuccess("sync");
        var orgs = (await bw.RunAsync("list", "organizations")).EnsureSuccess("list organizations").Json().AsArray();
        Assert.Equal("Contoso", orgs.Single()!["name"]!.GetValue<string>());
        var orgId = org.Id.ToString();

        // Collections: create, edit, list, delete; names are encrypted by the CLI under the org key.
        var created = (await bw.RunAsync("create", "org-collection", "--organizationid", orgId,
            BwCli.Encode(new JsonObject { ["organizationId"] = orgId, ["name"] = "Clients/ACME", ["externalId"] = null, ["groups"] = new JsonArray(), ["users"] = null })))
            .EnsureSuccess("create org-collection").Json();
        var collectionId = created["id"]!.GetValue<string>();
        (await bw.RunAsync("edit", "org-collection", collectionId, "--organizationid", orgId,
            BwCli.Encode(new JsonObject { ["organizationId"] = orgId, ["name"] = "Clients/ACME Corp", ["externalId"] = null, ["groups"] = new JsonArray(), ["users"] = created["users"]!.DeepClone() })))
            .EnsureSuccess("edit org-collection");
        var collections = (await bw.RunAsync("list", "org-collections", "--organizationid", orgId)).EnsureSuccess("list org-collections").Json().AsArray();
        Assert.Contains(collections, c => c!["name"]!.GetValue<string>() == "Clients/ACME Corp");
        Assert.Equal("Clients/ACME Corp", org.Decrypt((await owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/collections/{collectionId}"))["name"]!.GetValue<string>()));
        var doomed = (await bw.RunAsync("create", "org-collection", "--organizationid", orgId,
            BwCli.Encode(new JsonObject { ["organizationId"] = orgId, ["name"] = "Temp", ["groups"] = new JsonArray(), ["users"] = null })))
            .EnsureSuccess("create org-collection").Json()["id"]!.GetValue<string>();
        (await bw.RunAsync("delete", "org-collection", doomed, "--organizationid", orgId)).EnsureSuccess("delete org-collection");

        // A colleague is invited and accepts (web vault steps, over HTTP); the owner confirms through the CLI.
        var colleague = await server.LoginNewUserAsync();
        var memberId = await org.InviteAsync(owner, colleague.Email);
        await ApiClient.ReadOkOrEmptyAsync(await org.AcceptAsync(colleague, memberId, TestMembers.ReadInviteToken(server, memberId)));
        var members = (await bw.RunAsync("list", "org-members", "--organizationid", orgId)).EnsureSuccess("list org-members").Json().AsArray();
        Assert.Equal(1, members.Single(m => m!["id"]!.GetValue<string>() == memberId.ToString())!["status"]!.GetValue<int>());
        (await bw.RunAsync("confirm", "org-member", memberId.ToString(), "--organizationid", orgId)).EnsureSuccess("confirm org-member");
        await ApiClient.ReadOkOrEmptyAsync(await owner.Client.PutAsync($"/api/organizations/{org.Id}/collections/{collectionId}/users",
            new[] { TestCollections.Access(Guid.Parse(created["users"]![0]!["id"]!.GetValue<string>()), manage: true), TestCollections.Access(memberId) }));

        // Items: created straight into the collection, and a personal one moved there (the CLI checks its synced collections).
        (await bw.RunAsync("sync", "--force")).EnsureSuccess("sync");
        var item = new JsonObject
        {
            ["organizationId"] = orgId, ["collectionIds"] = new JsonArray(collectionId), ["type"] = 1, ["name"] = "ACME firewall",
            ["login"] = new JsonObject { ["username"] = "admin", ["password"] = "fw-p4ss", ["uris"] = new JsonArray() },
        };
        (await bw.RunAsync("create", "item", BwCli.Encode(item))).EnsureSuccess("create org item");
        var personal = (await bw.RunAsync("create", "item", BwCli.Encode(new JsonObject
        {
            ["type"] = 2, ["name"] = "ACME runbook", ["notes"] = "restart order: db, api, web", ["secureNote"] = new JsonObject { ["type"] = 0 },
        }))).EnsureSuccess("create personal item").Json()["id"]!.GetValue<string>();
        (await bw.RunAsync("move", personal, orgId, BwCli.Encode(new JsonArray(collectionId)))).EnsureSuccess("move");

        // The colleague's own CLI decrypts both with the org key it unwrapped with its own private key.
        var colleagueCli = new BwCli(server);
        using var __ = colleagueCli;
        (await colleagueCli.ConfigServerAsync()).EnsureSuccess("config server");
        (await colleagueCli.LoginAsync(colleague.Email, colleague.Account.Password)).EnsureSuccess("login colleague");
        var seen = (await colleagueCli.RunAsync("list", "items", "--organizationid", orgId)).EnsureSuccess("colleague list items").Json().AsArray()
            .ToDictionary(i => i!["name"]!.GetValue<string>(), i => i!);
        Assert.Equal("fw-p4ss", seen["ACME firewall"]["login"]!["password"]!.GetValue<string>());
        Assert.Equal("restart order: db, api, web", seen["ACME runbook"]["notes"]!.GetValue<string>());
        Assert.Contains((await colleagueCli.RunAsync("list", "collections")).EnsureSuccess("colleague list collections").Json().AsArray(),
            c => c!["name"]!.GetValue<string>() == "Clients/ACME Corp");

        // The org export, decrypted by the owner's CLI.
        var path = Path.Combine(_files.FullName, "org.json");
        (await bw.RunAsync("export", "--organizationid", orgId, "--format", "json", "--output", path)).EnsureSuccess("export --organizationid");
        var export = JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))!;
        Assert.Equal(2, export["items"]!.AsArray().Count);
        Assert.Contains(export["items"]!.AsArray(), i => i!["login"]?["password"]?.GetValue<string>() == "fw-p4ss");
        Assert.Contains(export["collections"]!.AsArray(), c => c!["name"]!.GetValue<string>() == "Clients/ACME Corp");
    }

    [Fact]
    public async Task ServiceUser_SyncsAndDecryptsClientItems_ThroughTheProviderKeyChain()
    {
        var owner = await server.LoginNewUserAsync();
        var provider = await server.CreateProviderAsync(owner, "Northwind MSP");
        var (bw, technician) = await BwCli.LoginNewUserAsync(server);
        using var _ = bw;
        var technicianId = await server.AddProviderUserAsync(provider, technician);
        var client = await provider.CreateClientAsync(owner, "Fabrikam", TestAccounts.NewEmail("client"));
        var itemId = await client.CreateItemAsync(owner, "Fabrikam domain admin", await client.CreateCollectionAsync("Servers"));
        await provider.AssignAsync([technicianId], client.Id);   // technicians carry the clients they are assigned to

        (await bw.RunAsync("sync", "--force")).EnsureSuccess("sync");
        var items = (await bw.RunAsync("list", "items", "--organizationid", client.Id.ToString())).EnsureSuccess("list items --organizationid").Json().AsArray();
        var item = (await bw.RunAsync("get", "item", itemId.ToString())).EnsureSuccess("get item").Json();

        Assert.Equal("Fabrikam domain admin", items.Single()!["name"]!.GetValue<string>());
        Assert.Equal("org-secret", item["login"]!["password"]!.GetValue<string>());
        Assert.Equal("shared-user", item["login"]!["username"]!.GetValue<string>());
    }
}
