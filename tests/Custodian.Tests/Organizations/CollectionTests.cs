using System.Net;
using Custodian.Server.Features.Organizations;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Organizations;

public sealed class CollectionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Create_Owner_ReturnsAccessDetailsAndMemberSeesIt()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var member = await api.LoginNewUserAsync();
        var memberId = await api.AddConfirmedMemberAsync(org, member);
        var before = await member.Client.GetRevisionDateAsync();

        var created = await owner.Client.PostJsonAsync($"/api/organizations/{org.Id}/collections", new
        {
            name = org.Encrypt("Finance"), externalId = "fin-1", groups = Array.Empty<object>(),
            users = new[] { TestCollections.Access(memberId, hidePasswords: true) },
        });

        Assert.Equal("collectionAccessDetails", created["object"]!.GetValue<string>());
        Assert.Equal("Finance", org.Decrypt(created["name"]!.GetValue<string>()));
        Assert.Equal("fin-1", created["externalId"]!.GetValue<string>());
        Assert.Empty(created["groups"]!.AsArray());
        Assert.True(created["users"]![0]!["hidePasswords"]!.GetValue<bool>());
        Assert.True(await member.Client.GetRevisionDateAsync() > before);
        var mine = (await member.Client.GetJsonAsync("/api/collections"))["data"]!.AsArray();
        Assert.True(mine.Single(c => c!["organizationId"]!.GetValue<string>() == org.Id.ToString())!["hidePasswords"]!.GetValue<bool>());
        var details = await owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/collections/{created["id"]}/details");
        Assert.Equal(memberId.ToString(), details["users"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateAndDelete_ByManager_WorksAndByReader_IsNotFound()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var manager = await api.LoginNewUserAsync();
        var reader = await api.LoginNewUserAsync();
        var managerId = await api.AddConfirmedMemberAsync(org, manager);
        var readerId = await api.AddConfirmedMemberAsync(org, reader);
        var id = await org.CreateCollectionAsync("Ops", TestCollections.Access(managerId, manage: true), TestCollections.Access(readerId, readOnly: true));

        await ApiClient.ReadErrorAsync(await reader.Client.PutAsync($"/api/organizations/{org.Id}/collections/{id}",
            new { name = org.Encrypt("Mine now") }), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await reader.Client.DeleteAsync($"/api/organizations/{org.Id}/collections/{id}"), HttpStatusCode.NotFound);
        var renamed = await manager.Client.PutJsonAsync($"/api/organizations/{org.Id}/collections/{id}",
            new { name = org.Encrypt("Operations"), users = new[] { TestCollections.Access(managerId, manage: true) } });
        Assert.Equal("Operations", org.Decrypt(renamed["name"]!.GetValue<string>()));
        Assert.Single(renamed["users"]!.AsArray());
        Assert.Empty((await reader.Client.GetJsonAsync("/api/collections"))["data"]!.AsArray());

        Assert.Equal(HttpStatusCode.OK, (await manager.Client.DeleteAsync($"/api/organizations/{org.Id}/collections/{id}")).StatusCode);
        Assert.DoesNotContain((await owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/collections"))["data"]!.AsArray(),
            c => c!["id"]!.GetValue<string>() == id.ToString());
    }

    [Fact]
    public async Task Create_LimitedCreation_OnlyAdminsOrFlaggedCustomMembers()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        await owner.Client.PutJsonAsync($"/api/organizations/{org.Id}/collection-management", new
        {
            limitCollectionCreation = true, limitCollectionDeletion = true, limitItemDeletion = false, allowAdminAccessToAllCollectionItems = true,
        });
        var user = await api.LoginNewUserAsync();
        await api.AddConfirmedMemberAsync(org, user);
        var custom = await api.LoginNewUserAsync();
        var customId = await api.AddConfirmedMemberAsync(org, custom, OrganizationUserType.Custom, new MemberPermissions { CreateNewCollections = true });
        var body = new { name = org.Encrypt("X"), groups = Array.Empty<object>(), users = Array.Empty<object>() };

        await ApiClient.ReadErrorAsync(await user.Client.PostAsync($"/api/organizations/{org.Id}/collections", body), HttpStatusCode.NotFound);
        var created = await custom.Client.PostJsonAsync($"/api/organizations/{org.Id}/collections", body);

        // The creator manages what they made, but with deletion limited only admins may delete it.
        Assert.Equal(customId.ToString(), created["users"]!.AsArray().Single()!["id"]!.GetValue<string>());
        Assert.True(created["manage"]!.GetValue<bool>());
        await ApiClient.ReadErrorAsync(await custom.Client.DeleteAsync($"/api/organizations/{org.Id}/collections/{created["id"]}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.DeleteAsync($"/api/organizations/{org.Id}/collections/{created["id"]}")).StatusCode);
    }

    [Fact]
    public async Task BadInput_Returns400()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var other = await (await api.LoginNewUserAsync()).CreateOrganizationAsync();
        var strangerMember = await api.AddConfirmedMemberAsync(other, await api.LoginNewUserAsync());
        var url = $"/api/organizations/{org.Id}/collections";

        await ApiClient.ReadErrorAsync(await owner.Client.PostAsync(url, new { name = "plain text" }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await owner.Client.PostAsync(url, new { name = org.Encrypt("x"), users = new[] { TestCollections.Access(strangerMember) } }),
            HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await owner.Client.PostAsync(url, new { name = org.Encrypt("x"), groups = new[] { TestCollections.Access(Guid.NewGuid()) } }),
            HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await owner.Client.PostRawAsync(url, "{\"name\": 4}"), HttpStatusCode.BadRequest);
    }

    /// <summary>Every collection route: who may call it, and that org B's ids never work under org A.</summary>
    [Fact]
    public async Task EveryRoute_Authorization()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var user = await api.LoginNewUserAsync();
        await api.AddConfirmedMemberAsync(org, user);
        var admin = await api.LoginNewUserAsync();
        await api.AddConfirmedMemberAsync(org, admin, OrganizationUserType.Admin);
        var stranger = await api.LoginNewUserAsync();
        var otherOrg = await stranger.CreateOrganizationAsync();
        var foreign = await otherOrg.CreateCollectionAsync("Theirs");
        var id = await org.CreateCollectionAsync("Ours");
        var body = new { name = org.Encrypt("n"), groups = Array.Empty<object>(), users = Array.Empty<object>() };
        var anonymous = api.CreateApiClient();
        string Url(string tail = "") => $"/api/organizations/{org.Id}/collections{tail}";

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Url())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/collections")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(Url(), body)).StatusCode);
        foreach (var (method, tail) in new[] { ("GET", ""), ("GET", "/details"), ("GET", $"/{id}"), ("GET", $"/{id}/details"), ("GET", $"/{id}/users"),
            ("PUT", $"/{id}/users"), ("POST", ""), ("PUT", $"/{id}"), ("DELETE", $"/{id}"), ("POST", "/bulk-access") })
        {
            var response = await Send(stranger.Client, method, Url(tail), tail.EndsWith("/users", StringComparison.Ordinal) ? Array.Empty<object>()
                : tail == "/bulk-access" ? new { collectionIds = new[] { id } } : body);
            await ApiClient.ReadErrorAsync(response, HttpStatusCode.NotFound);
        }
        // A plain member reads the list but cannot see, change or remove a collection they are not in.
        Assert.Empty((await user.Client.GetJsonAsync(Url()))["data"]!.AsArray());
        await ApiClient.ReadErrorAsync(await user.Client.GetAsync(Url($"/{id}")), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await user.Client.PutAsync(Url($"/{id}"), body), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await user.Client.DeleteAsync(Url($"/{id}")), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await user.Client.PutAsync(Url($"/{id}/users"), Array.Empty<object>()), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await user.Client.PostAsync(Url("/bulk-access"), new { collectionIds = new[] { id } }), HttpStatusCode.NotFound);
        // Admins see and change everything; org B's collection is not found under org A, even for org A's owner.
        Assert.Single((await admin.Client.GetJsonAsync(Url("/details")))["data"]!.AsArray(), c => c!["id"]!.GetValue<string>() == id.ToString());
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsync(Url($"/{id}"), body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PostAsync(Url("/bulk-access"), new { collectionIds = new[] { id }, users = Array.Empty<object>() })).StatusCode);
        await ApiClient.ReadErrorAsync(await owner.Client.GetAsync(Url($"/{foreign}")), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await owner.Client.PutAsync(Url($"/{foreign}"), body), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await owner.Client.DeleteAsync(Url($"/{foreign}")), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await owner.Client.DeleteAsync(Url(), new { ids = new[] { foreign } }), HttpStatusCode.NotFound);
        Assert.Contains((await stranger.Client.GetJsonAsync($"/api/organizations/{otherOrg.Id}/collections"))["data"]!.AsArray(),
            c => c!["id"]!.GetValue<string>() == foreign.ToString());
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.DeleteAsync(Url(), new { ids = new[] { id } })).StatusCode);
    }

    static Task<HttpResponseMessage> Send(ApiClient client, string method, string url, object body) => method switch
    {
        "GET" => client.GetAsync(url),
        "POST" => client.PostAsync(url, body),
        "PUT" => client.PutAsync(url, body),
        _ => client.DeleteAsync(url),
    };
}
