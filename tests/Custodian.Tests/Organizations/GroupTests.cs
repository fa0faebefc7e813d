using System.Net;
using Custodian.Server.Features.Organizations;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Organizations;

public sealed class GroupTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task GroupAccess_ReachesCollectionsAndItems_UntilTheMemberLeavesTheGroup()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var member = await api.LoginNewUserAsync();
        var memberId = await api.AddConfirmedMemberAsync(org, member);
        var collection = await org.CreateCollectionAsync("Helpdesk");
        await org.CreateItemAsync(owner, "Printer admin", collection);
        var url = $"/api/organizations/{org.Id}/groups";

        var group = await owner.Client.PostJsonAsync(url, new
        {
            name = "Support team", externalId = "sup", collections = new[] { TestCollections.Access(collection, readOnly: true) }, users = new[] { memberId },
        });

        Assert.Equal("groupDetails", group["object"]!.GetValue<string>());
        Assert.Equal("Support team", group["name"]!.GetValue<string>());
        var groupId = group["id"]!.GetValue<string>();
        Assert.Equal(memberId.ToString(), (await ApiClient.ReadArrayAsync(await owner.Client.GetAsync($"{url}/{groupId}/users")))[0]!.GetValue<string>());
        var sync = await member.Client.GetJsonAsync("/api/sync?excludeDomains=true");
        Assert.True(sync["collections"]!.AsArray().Single()!["readOnly"]!.GetValue<bool>());
        var item = sync["ciphers"]!.AsArray().Single()!;
        Assert.False(item["edit"]!.GetValue<bool>());
        var collectionDetails = await owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/collections/{collection}/details");
        Assert.Equal(groupId, collectionDetails["groups"]![0]!["id"]!.GetValue<string>());

        await owner.Client.PutJsonAsync($"{url}/{groupId}", new { name = "Support", users = Array.Empty<Guid>() });
        Assert.Empty((await member.Client.GetJsonAsync("/api/sync?excludeDomains=true"))["ciphers"]!.AsArray());
        Assert.Equal("Support", (await owner.Client.GetJsonAsync($"{url}/{groupId}"))["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.DeleteAsync($"{url}/{groupId}")).StatusCode);
        Assert.Empty((await owner.Client.GetJsonAsync(url))["data"]!.AsArray());
    }

    [Fact]
    public async Task BadInput_Returns400()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var other = await owner.CreateOrganizationAsync("Other");
        var foreignCollection = await other.CreateCollectionAsync("Theirs");
        var url = $"/api/organizations/{org.Id}/groups";

        await ApiClient.ReadErrorAsync(await owner.Client.PostAsync(url, new { name = new string('x', 101) }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await owner.Client.PostAsync(url, new { name = "g", collections = new[] { TestCollections.Access(foreignCollection) } }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await owner.Client.PostAsync(url, new { name = "g", users = new[] { Guid.NewGuid() } }), HttpStatusCode.BadRequest);
        Assert.Empty((await owner.Client.GetJsonAsync(url))["data"]!.AsArray());
    }

    [Fact]
    public async Task EveryRoute_Authorization()
    {
        var roles = await api.CreateRolesAsync(new MemberPermissions { ManageGroups = true }, new MemberPermissions { AccessReports = true });
        var (org, owner, stranger, otherOrg, customWith) = (roles.Org, roles.Owner, roles.Stranger, roles.StrangersOrg, roles.CustomWith);
        var foreignGroup = (await stranger.Client.PostJsonAsync($"/api/organizations/{otherOrg.Id}/groups", new { name = "Theirs" }))["id"]!.GetValue<string>();
        await owner.Client.PutJsonAsync($"/api/organizations/{org.Id}/collection-management", new
        {
            limitCollectionCreation = true, limitCollectionDeletion = false, limitItemDeletion = false, allowAdminAccessToAllCollectionItems = true,
        });
        var groupId = (await owner.Client.PostJsonAsync($"/api/organizations/{org.Id}/groups", new { name = "Ours" }))["id"]!.GetValue<string>();
        string Url(string tail = "") => $"/api/organizations/{org.Id}/groups{tail}";
        var body = new { name = "n" };
        var writes = new (string Method, string Url)[] { ("POST", Url()), ("PUT", Url($"/{groupId}")), ("DELETE", Url($"/{groupId}")) };
        var reads = new[] { Url(), Url("/details"), Url($"/{groupId}"), Url($"/{groupId}/details"), Url($"/{groupId}/users") };

        foreach (var read in reads)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().GetAsync(read)).StatusCode);
            foreach (var denied in roles.Denied)
            {
                await ApiClient.ReadErrorAsync(await denied.Client.GetAsync(read), HttpStatusCode.NotFound);
            }
            Assert.Equal(HttpStatusCode.OK, (await customWith.Client.GetAsync(read)).StatusCode);
        }
        foreach (var (method, url) in writes)
        {
            foreach (var denied in roles.Denied)
            {
                var response = method switch { "POST" => await denied.Client.PostAsync(url, body), "PUT" => await denied.Client.PutAsync(url, body), _ => await denied.Client.DeleteAsync(url) };
                await ApiClient.ReadErrorAsync(response, HttpStatusCode.NotFound);
            }
        }
        await ApiClient.ReadErrorAsync(await owner.Client.GetAsync(Url($"/{foreignGroup}")), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await owner.Client.PutAsync(Url($"/{foreignGroup}"), body), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await owner.Client.DeleteAsync(Url($"/{foreignGroup}")), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await owner.Client.DeleteAsync(Url(), new { ids = new[] { foreignGroup } }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await customWith.Client.PutAsync(Url($"/{groupId}"), body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await customWith.Client.DeleteAsync(Url(), new { ids = new[] { groupId } })).StatusCode);
        Assert.Single((await stranger.Client.GetJsonAsync($"/api/organizations/{otherOrg.Id}/groups"))["data"]!.AsArray());
    }
}
