using System.Net;
using System.Text.Json.Nodes;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.PublicApi;

/// <summary>Members, groups, collections, policies and events through an org API key, in Bitwarden's public shapes.</summary>
public sealed class PublicApiResourceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static string Id(JsonNode? node) => node!["id"]!.GetValue<string>();

    [Fact]
    public async Task Members_InviteGetUpdateGroupIdsReinviteRemove_OtherOrgsMemberIs404()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var collectionId = await org.CreateCollectionAsync("Shared");
        var client = await api.OrgApiClientAsync(org);
        var group = await client.PostJsonAsync("/api/public/groups", new { name = "Helpdesk", externalId = "g-1", collections = Array.Empty<object>() });
        var email = TestAccounts.NewEmail("api");

        var invited = await client.PostJsonAsync("/api/public/members", new
        {
            email, type = 2, externalId = "ext-1", collections = new[] { new { id = collectionId, readOnly = true } }, groups = new[] { Id(group) },
        });
        Assert.Equal("member", invited["object"]!.GetValue<string>());
        Assert.Equal(0, invited["status"]!.GetValue<int>());
        Assert.Equal("ext-1", invited["externalId"]!.GetValue<string>());
        Assert.True(Assert.Single(invited["collections"]!.AsArray())!["readOnly"]!.GetValue<bool>());
        var url = $"/api/public/members/{Id(invited)}";
        Assert.Equal([Id(group)], (await ApiClient.ReadArrayAsync(await client.GetAsync($"{url}/group-ids"))).Select(g => g!.GetValue<string>()));

        var updated = await client.PutJsonAsync(url, new { type = 1, externalId = "ext-2", collections = Array.Empty<object>() });
        Assert.Equal(1, updated["type"]!.GetValue<int>());
        Assert.Empty(updated["collections"]!.AsArray());
        await ApiClient.ReadOkOrEmptyAsync(await client.PutAsync($"{url}/group-ids", new { groupIds = Array.Empty<Guid>() }));
        Assert.Empty(await ApiClient.ReadArrayAsync(await client.GetAsync($"{url}/group-ids")));
        await ApiClient.ReadOkOrEmptyAsync(await client.PostAsync($"{url}/reinvite"));
        var duplicate = await ApiClient.ReadErrorAsync(await client.PostAsync("/api/public/members", new { email, type = 2 }), HttpStatusCode.BadRequest);
        Assert.Equal("error", duplicate["object"]!.GetValue<string>());
        var invalid = await ApiClient.ReadErrorAsync(await client.PostAsync("/api/public/members", new { email = "not an email", type = 2 }), HttpStatusCode.BadRequest);
        Assert.NotNull(invalid["validationErrors"]!["Email"]);

        var other = await api.OrgApiClientAsync(await (await api.LoginNewUserAsync()).CreateOrganizationAsync("Other"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync(url)).StatusCode);
        await ApiClient.ReadOkOrEmptyAsync(await client.DeleteAsync(url));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        // The last owner stays.
        var ownerId = Id((await client.GetJsonAsync("/api/public/members"))["data"]!.AsArray().Single());
        await ApiClient.ReadErrorAsync(await client.DeleteAsync($"/api/public/members/{ownerId}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Groups_CreateListUpdateMemberIdsDelete()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var collectionId = await org.CreateCollectionAsync("Shared");
        var client = await api.OrgApiClientAsync(org);
        var ownerId = Id((await client.GetJsonAsync("/api/public/members"))["data"]!.AsArray().Single());

        var group = await client.PostJsonAsync("/api/public/groups", new { name = "Ops", externalId = "ops", collections = new[] { new { id = collectionId, readOnly = false, manage = true } } });
        Assert.Equal("group", group["object"]!.GetValue<string>());
        Assert.True(Assert.Single(group["collections"]!.AsArray())!["manage"]!.GetValue<bool>());
        var url = $"/api/public/groups/{Id(group)}";
        await ApiClient.ReadOkOrEmptyAsync(await client.PutAsync($"{url}/member-ids", new { memberIds = new[] { ownerId } }));
        Assert.Equal([ownerId], (await ApiClient.ReadArrayAsync(await client.GetAsync($"{url}/member-ids"))).Select(m => m!.GetValue<string>()));
        await ApiClient.ReadErrorAsync(await client.PutAsync($"{url}/member-ids", new { memberIds = new[] { Guid.NewGuid() } }), HttpStatusCode.BadRequest);
        var renamed = await client.PutJsonAsync(url, new { name = "Operations", externalId = "ops", collections = Array.Empty<object>() });
        Assert.Equal("Operations", renamed["name"]!.GetValue<string>());
        Assert.Single((await client.GetJsonAsync("/api/public/groups"))["data"]!.AsArray());
        await ApiClient.ReadErrorAsync(await client.PostAsync("/api/public/groups", new { name = new string('x', 101) }), HttpStatusCode.BadRequest);
        await ApiClient.ReadOkOrEmptyAsync(await client.DeleteAsync(url));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Collections_ListGetUpdateGroupAccessDelete()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var collectionId = await org.CreateCollectionAsync("Finance");
        var client = await api.OrgApiClientAsync(org);
        var group = await client.PostJsonAsync("/api/public/groups", new { name = "Finance team" });

        Assert.Contains((await client.GetJsonAsync("/api/public/collections"))["data"]!.AsArray(), c => Id(c) == collectionId.ToString());
        var url = $"/api/public/collections/{collectionId}";
        var updated = await client.PutJsonAsync(url, new { externalId = "fin", groups = new[] { new { id = Id(group), readOnly = true, hidePasswords = true } } });
        Assert.Equal("collection", updated["object"]!.GetValue<string>());
        Assert.Equal("fin", updated["externalId"]!.GetValue<string>());
        Assert.True(Assert.Single(updated["groups"]!.AsArray())!["hidePasswords"]!.GetValue<bool>());
        await ApiClient.ReadErrorAsync(await client.PutAsync(url, new { groups = new[] { new { id = Guid.NewGuid(), readOnly = true } } }), HttpStatusCode.BadRequest);
        await ApiClient.ReadOkOrEmptyAsync(await client.DeleteAsync(url));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Policies_GetUpdateList_AndEvents_PageTheOrgsLogOnly()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var client = await api.OrgApiClientAsync(org);

        Assert.False((await client.GetJsonAsync("/api/public/policies/1"))["enabled"]!.GetValue<bool>());
        var saved = await client.PutJsonAsync("/api/public/policies/1", new { enabled = true, data = new { minLength = 16 } });
        Assert.Equal("policy", saved["object"]!.GetValue<string>());
        Assert.Equal(16, saved["data"]!["minLength"]!.GetValue<int>());
        await ApiClient.ReadErrorAsync(await client.PutAsync("/api/public/policies/1", new { enabled = true, data = new { minLength = 3 } }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await client.PutAsync("/api/public/policies/8", new { enabled = true }), HttpStatusCode.BadRequest);
        Assert.Single((await client.GetJsonAsync("/api/public/policies"))["data"]!.AsArray());

        var events = await client.GetJsonAsync($"/api/public/events?start={DateTime.UtcNow.AddHours(-1):O}&end={DateTime.UtcNow.AddMinutes(1):O}");
        var updated = events["data"]!.AsArray().Single(e => e!["type"]!.GetValue<int>() == 1700)!;
        Assert.Equal("event", updated["object"]!.GetValue<string>());
        Assert.NotNull(updated["policyId"]);
        Assert.Null(updated["actingUserId"]?.GetValue<string>());
        var other = await api.OrgApiClientAsync(await (await api.LoginNewUserAsync()).CreateOrganizationAsync("Other"));
        Assert.DoesNotContain((await other.GetJsonAsync("/api/public/events"))["data"]!.AsArray(), e => e!["type"]!.GetValue<int>() == 1700);
        await ApiClient.ReadErrorAsync(await client.GetAsync("/api/public/events?continuationToken=garbage"), HttpStatusCode.BadRequest);
    }
}
