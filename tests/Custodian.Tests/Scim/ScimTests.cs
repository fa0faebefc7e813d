using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Scim;

/// <summary>SCIM 2.0 with the request bodies Microsoft Entra ID and Okta send (from their provisioning docs).</summary>
public sealed class ScimTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    internal const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    Task<(TestOrganization Org, ApiClient Scim)> ScimAsync() => ScimAsync(api);

    /// <summary>A new org and a client that holds its SCIM key.</summary>
    internal static async Task<(TestOrganization Org, ApiClient Scim)> ScimAsync(ApiFactory api)
    {
        var org = await (await api.LoginNewUserAsync()).CreateOrganizationAsync();
        var key = await org.OrgApiKeyAsync(type: 2);
        var client = api.CreateApiClient();
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return (org, client);
    }

    internal static async Task<JsonObject> Created(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
    }

    internal static async Task<JsonObject> ScimError(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", body["schemas"]![0]!.GetValue<string>());
        Assert.Equal((int)status, body["status"]!.GetValue<int>());
        return body;
    }

    [Fact]
    public async Task Entra_CreateFindDisableEnable_GroupAddRemoveMembers_Delete()
    {
        var (org, scim) = await ScimAsync();
        var baseUrl = $"/scim/v2/{org.Id}";
        var email = TestAccounts.NewEmail("entra");
        var user = await Created(await scim.PostAsync($"{baseUrl}/Users", new Dictionary<string, object?>
        {
            ["schemas"] = new[] { "urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" },
            ["externalId"] = "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
            ["userName"] = email,
            ["active"] = true,
            ["emails"] = new[] { new { primary = true, type = "work", value = email } },
            ["meta"] = new { resourceType = "User" },
            ["name"] = new { formatted = "givenName familyName", familyName = "familyName", givenName = "givenName" },
            ["roles"] = Array.Empty<object>(),
        }));
        var id = user["id"]!.GetValue<string>();
        Assert.Equal("urn:ietf:params:scim:schemas:core:2.0:User", user["schemas"]![0]!.GetValue<string>());
        Assert.Equal(email, user["userName"]!.GetValue<string>());
        Assert.True(user["active"]!.GetValue<bool>());

        var found = await scim.GetJsonAsync($"{baseUrl}/Users?filter={Uri.EscapeDataString($"userName eq \"{email}\"")}");
        Assert.Equal(1, found["totalResults"]!.GetValue<int>());
        Assert.Equal(id, found["Resources"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(0, (await scim.GetJsonAsync($"{baseUrl}/Users?filter={Uri.EscapeDataString("userName eq \"nobody@example.com\"")}"))["totalResults"]!.GetValue<int>());
        await ScimError(await scim.PostAsync($"{baseUrl}/Users", new { userName = email, emails = new[] { new { primary = true, value = email } } }), HttpStatusCode.Conflict);

        AssertNoContent(await scim.Http.PatchAsync($"{baseUrl}/Users/{id}", JsonContent(new
        {
            schemas = new[] { PatchOp }, Operations = new[] { new { op = "Replace", path = "active", value = "False" } },
        }), TestContext.Current.CancellationToken));
        Assert.False((await scim.GetJsonAsync($"{baseUrl}/Users/{id}"))["active"]!.GetValue<bool>());
        var members = (await org.Owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/users"))["data"]!.AsArray();
        Assert.Equal(-1, members.Single(m => m!["id"]!.GetValue<string>() == id)!["status"]!.GetValue<int>());
        AssertNoContent(await scim.Http.PatchAsync($"{baseUrl}/Users/{id}", JsonContent(new
        {
            schemas = new[] { PatchOp }, Operations = new[] { new { op = "Replace", path = "active", value = "True" } },
        }), TestContext.Current.CancellationToken));
        Assert.True((await scim.GetJsonAsync($"{baseUrl}/Users/{id}"))["active"]!.GetValue<bool>());

        var group = await Created(await scim.PostAsync($"{baseUrl}/Groups", new Dictionary<string, object?>
        {
            ["schemas"] = new[] { "urn:ietf:params:scim:schemas:core:2.0:Group", "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group" },
            ["externalId"] = "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
            ["displayName"] = "Sales",
            ["meta"] = new { resourceType = "Group" },
        }));
        var groupUrl = $"{baseUrl}/Groups/{group["id"]}";
        await Patch(scim, groupUrl, new { op = "Add", path = "members", value = new[] { new { value = id } } });
        Assert.Equal([id], await GroupMembers(org, group));
        await Patch(scim, groupUrl, new { op = "Remove", path = "members", value = new[] { new { value = id } } });
        Assert.Empty(await GroupMembers(org, group));
        Assert.Equal("Sales", (await scim.GetJsonAsync($"{baseUrl}/Groups?filter={Uri.EscapeDataString("displayName eq \"Sales\"")}"))["Resources"]![0]!["displayName"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync(groupUrl)).StatusCode);
        await ScimError(await scim.GetAsync(groupUrl), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"{baseUrl}/Users/{id}")).StatusCode);
        await ScimError(await scim.GetAsync($"{baseUrl}/Users/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Okta_CreateWithPasswordAndLocale_DeactivateByValueObject_GroupPushRenameAndRemoveByFilter()
    {
        var (org, scim) = await ScimAsync();
        var baseUrl = $"/scim/v2/{org.Id}";
        var email = TestAccounts.NewEmail("okta");
        var user = await Created(await scim.PostAsync($"{baseUrl}/Users", new
        {
            schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" }, userName = email,
            name = new { givenName = "Test", familyName = "User" }, emails = new[] { new { primary = true, value = email, type = "work" } },
            displayName = "Test User", locale = "en-US", externalId = "00ujl29u0le5T6Aj10h7", groups = Array.Empty<object>(), password = "1mz050nq", active = true,
        }));
        var id = user["id"]!.GetValue<string>();
        Assert.Equal("00ujl29u0le5T6Aj10h7", user["externalId"]!.GetValue<string>());
        var page = await scim.GetJsonAsync($"{baseUrl}/Users?filter={Uri.EscapeDataString($"userName eq \"{email}\"")}&startIndex=1&count=100");
        Assert.Equal(1, page["itemsPerPage"]!.GetValue<int>());

        AssertNoContent(await scim.Http.PatchAsync($"{baseUrl}/Users/{id}", JsonContent(new
        {
            schemas = new[] { PatchOp }, Operations = new[] { new { op = "replace", value = new { active = false } } },
        }), TestContext.Current.CancellationToken));
        Assert.False((await scim.GetJsonAsync($"{baseUrl}/Users/{id}"))["active"]!.GetValue<bool>());
        var replaced = await scim.PutJsonAsync($"{baseUrl}/Users/{id}", new
        {
            schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" }, id, userName = email, active = true, externalId = "00ujl29u0le5T6Aj10h7",
        });
        Assert.True(replaced["active"]!.GetValue<bool>());

        var group = await Created(await scim.PostAsync($"{baseUrl}/Groups", new { schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:Group" }, displayName = "Test SCIMv2", members = Array.Empty<object>() }));
        var groupUrl = $"{baseUrl}/Groups/{group["id"]}";
        await Patch(scim, groupUrl, new { op = "replace", value = new { id = group["id"]!.GetValue<string>(), displayName = "Test SCIMv2 renamed" } });
        Assert.Equal("Test SCIMv2 renamed", (await scim.GetJsonAsync(groupUrl))["displayName"]!.GetValue<string>());
        await Patch(scim, groupUrl, new { op = "add", path = "members", value = new[] { new { value = id, display = email } } });
        Assert.Equal([id], await GroupMembers(org, group));
        await Patch(scim, groupUrl, new { op = "remove", path = $"members[value eq \"{id}\"]" });
        Assert.Empty(await GroupMembers(org, group));
        var put = await scim.PutJsonAsync(groupUrl, new { schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:Group" }, displayName = "Final", members = new[] { new { value = id } } });
        Assert.Equal("Final", put["displayName"]!.GetValue<string>());
        Assert.Equal([id], await GroupMembers(org, group));
    }

    [Fact]
    public async Task Auth_WrongKeyOtherOrgsKeyRotatedKeyOrUserToken_Is401_BadInputIsScim400()
    {
        var (org, scim) = await ScimAsync();
        var (other, otherScim) = await ScimAsync();
        var url = $"/scim/v2/{org.Id}/Users";
        await ScimError(await api.CreateApiClient().GetAsync(url), HttpStatusCode.Unauthorized);
        await ScimError(await otherScim.GetAsync(url), HttpStatusCode.Unauthorized);
        await ScimError(await org.Owner.Client.GetAsync(url), HttpStatusCode.Unauthorized);
        // The org API key is not the SCIM key.
        var publicKey = api.CreateApiClient();
        publicKey.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await org.OrgApiKeyAsync());
        await ScimError(await publicKey.GetAsync(url), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync(url)).StatusCode);
        await org.OrgApiKeyAsync(rotate: true, type: 2);
        await ScimError(await scim.GetAsync(url), HttpStatusCode.Unauthorized);
        var (_, fresh) = await ScimAsync();
        Assert.Equal(HttpStatusCode.OK, (await otherScim.GetAsync($"/scim/v2/{other.Id}/Users")).StatusCode);
        await ScimError(await fresh.GetAsync($"/scim/v2/{Guid.NewGuid()}/Users"), HttpStatusCode.Unauthorized);
        await ScimError(await otherScim.PostAsync($"/scim/v2/{other.Id}/Users", new { userName = "not-an-email" }), HttpStatusCode.BadRequest);
        await ScimError(await otherScim.GetAsync($"/scim/v2/{other.Id}/Users?filter={Uri.EscapeDataString("name.familyName co \"x\"")}"), HttpStatusCode.BadRequest);
        await ScimError(await otherScim.GetAsync($"/scim/v2/{other.Id}/Users/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    static void AssertNoContent(HttpResponseMessage response) => Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

    internal static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/scim+json");

    internal static async Task Patch(ApiClient scim, string url, object operation)
    {
        var response = await scim.Http.PatchAsync(url, JsonContent(new { schemas = new[] { PatchOp }, Operations = new[] { operation } }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    internal static async Task<List<string>> GroupMembers(TestOrganization org, JsonObject group) =>
        [.. (await ApiClient.ReadArrayAsync(await org.Owner.Client.GetAsync($"/api/organizations/{org.Id}/groups/{group["id"]}/users"))).Select(m => m!.GetValue<string>())];
}
