using System.Net;
using System.Text.Json.Nodes;
using Custodian.Tests.Infrastructure;
using static Custodian.Tests.Scim.ScimTests;

namespace Custodian.Tests.Scim;

/// <summary>RFC 7644 discovery, and PATCH of the attributes Entra ID and Okta change after provisioning.</summary>
public sealed class ScimPatchAndDiscoveryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static Task<HttpResponseMessage> PatchAsync(ApiClient scim, string url, params object[] operations) =>
        scim.Http.PatchAsync(url, JsonContent(new { schemas = new[] { PatchOp }, Operations = operations }), TestContext.Current.CancellationToken);

    static async Task<string> CreateUserAsync(ApiClient scim, string baseUrl, string email, string externalId) =>
        (await Created(await scim.PostAsync($"{baseUrl}/Users", new
        {
            schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" }, userName = email, externalId,
            emails = new[] { new { primary = true, type = "work", value = email } }, active = true,
        })))["id"]!.GetValue<string>();

    [Fact]
    public async Task Discovery_ServiceProviderConfigResourceTypesSchemas_BehindTheScimKey()
    {
        var (org, scim) = await ScimAsync(api);
        var (_, otherScim) = await ScimAsync(api);
        var baseUrl = $"/scim/v2/{org.Id}";

        var config = await scim.GetJsonAsync($"{baseUrl}/ServiceProviderConfig");
        Assert.Equal("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig", config["schemas"]![0]!.GetValue<string>());
        Assert.True(config["patch"]!["supported"]!.GetValue<bool>());
        Assert.False(config["bulk"]!["supported"]!.GetValue<bool>());
        Assert.True(config["filter"]!["supported"]!.GetValue<bool>());
        Assert.Equal(1000, config["filter"]!["maxResults"]!.GetValue<int>());
        Assert.Equal("oauthbearertoken", config["authenticationSchemes"]![0]!["type"]!.GetValue<string>());
        Assert.EndsWith($"{baseUrl}/ServiceProviderConfig", config["meta"]!["location"]!.GetValue<string>());

        var types = await scim.GetJsonAsync($"{baseUrl}/ResourceTypes");
        Assert.Equal(2, types["totalResults"]!.GetValue<int>());
        var user = types["Resources"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "User")!;
        Assert.Equal("/Users", user["endpoint"]!.GetValue<string>());
        Assert.Equal("urn:ietf:params:scim:schemas:core:2.0:User", user["schema"]!.GetValue<string>());
        Assert.Equal("/Groups", (await scim.GetJsonAsync($"{baseUrl}/ResourceTypes/Group"))["endpoint"]!.GetValue<string>());
        await ScimError(await scim.GetAsync($"{baseUrl}/ResourceTypes/Printer"), HttpStatusCode.NotFound);

        var schemas = await scim.GetJsonAsync($"{baseUrl}/Schemas");
        Assert.Equal(["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:core:2.0:Group"],
            schemas["Resources"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
        var userSchema = await scim.GetJsonAsync($"{baseUrl}/Schemas/urn:ietf:params:scim:schemas:core:2.0:User");
        var userName = userSchema["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "userName")!;
        Assert.True(userName["required"]!.GetValue<bool>());
        Assert.Equal("server", userName["uniqueness"]!.GetValue<string>());

        // Same key as the resources: none, another org's, or a member's login token is a SCIM 401.
        foreach (var path in new[] { "ServiceProviderConfig", "ResourceTypes", "Schemas" })
        {
            await ScimError(await api.CreateApiClient().GetAsync($"{baseUrl}/{path}"), HttpStatusCode.Unauthorized);
            await ScimError(await otherScim.GetAsync($"{baseUrl}/{path}"), HttpStatusCode.Unauthorized);
            await ScimError(await org.Owner.Client.GetAsync($"{baseUrl}/{path}"), HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task UserPatch_EntraPathsAndOktaValueObject_ChangeExternalIdAndInvitationAddress_NameIsReadAndLeft()
    {
        var (org, scim) = await ScimAsync(api);
        var baseUrl = $"/scim/v2/{org.Id}";
        var id = await CreateUserAsync(scim, baseUrl, TestAccounts.NewEmail("entra"), "entra-1");
        var moved = TestAccounts.NewEmail("moved");

        // Entra: one attribute per operation, with a path, op capitalized.
        Assert.Equal(HttpStatusCode.NoContent, (await PatchAsync(scim, $"{baseUrl}/Users/{id}",
            new { op = "Replace", path = "externalId", value = "entra-2" },
            new { op = "Replace", path = "userName", value = moved },
            new { op = "Replace", path = "emails[type eq \"work\"].value", value = moved },
            new { op = "Replace", path = "name.givenName", value = "Ada" },
            new { op = "Replace", path = "displayName", value = "Ada Lovelace" },
            new { op = "Add", path = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", value = "Ops" })).StatusCode);
        var user = await scim.GetJsonAsync($"{baseUrl}/Users/{id}");
        Assert.Equal("entra-2", user["externalId"]!.GetValue<string>());
        Assert.Equal(moved, user["userName"]!.GetValue<string>());
        Assert.Equal(1, (await scim.GetJsonAsync($"{baseUrl}/Users?filter={Uri.EscapeDataString("externalId eq \"entra-2\"")}"))["totalResults"]!.GetValue<int>());

        // Okta: no path, the attributes in a value object (a login-style userName says nothing about the address).
        var oktaAddress = TestAccounts.NewEmail("okta");
        Assert.Equal(HttpStatusCode.NoContent, (await PatchAsync(scim, $"{baseUrl}/Users/{id}", new
        {
            op = "replace",
            value = new { id, userName = "ada.l", externalId = "okta-9", name = new { givenName = "Ada", familyName = "L" },
                emails = new[] { new { value = oktaAddress, primary = true, type = "work" } }, active = false },
        })).StatusCode);
        user = await scim.GetJsonAsync($"{baseUrl}/Users/{id}");
        Assert.Equal(("okta-9", oktaAddress, false), (user["externalId"]!.GetValue<string>(), user["userName"]!.GetValue<string>(), user["active"]!.GetValue<bool>()));

        // A member who accepted keeps their account's address (it salts their master key): only the external id moves.
        var joined = await api.LoginNewUserAsync();
        var memberId = (await api.AddConfirmedMemberAsync(org, joined)).ToString();
        Assert.Equal(HttpStatusCode.NoContent, (await PatchAsync(scim, $"{baseUrl}/Users/{memberId}",
            new { op = "replace", value = new { userName = TestAccounts.NewEmail("elsewhere"), externalId = "joined-1" } })).StatusCode);
        user = await scim.GetJsonAsync($"{baseUrl}/Users/{memberId}");
        Assert.Equal((joined.Email, "joined-1"), (user["userName"]!.GetValue<string>(), user["externalId"]!.GetValue<string>()));

        // Another user's external id or address is a 409 uniqueness error; removing the external id clears it.
        Assert.Equal("uniqueness", (await ScimError(await PatchAsync(scim, $"{baseUrl}/Users/{id}",
            new { op = "replace", path = "externalId", value = "joined-1" }), HttpStatusCode.Conflict))["scimType"]!.GetValue<string>());
        await ScimError(await PatchAsync(scim, $"{baseUrl}/Users/{id}", new { op = "replace", path = "userName", value = joined.Email }), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await PatchAsync(scim, $"{baseUrl}/Users/{id}", new { op = "remove", path = "externalId" })).StatusCode);
        Assert.Null((await scim.GetJsonAsync($"{baseUrl}/Users/{id}"))["externalId"]);
    }

    [Fact]
    public async Task GroupPatch_ReplaceNameExternalIdAndMembers_RemoveAll_BothIdpShapes()
    {
        var (org, scim) = await ScimAsync(api);
        var baseUrl = $"/scim/v2/{org.Id}";
        var (ada, bob) = (await CreateUserAsync(scim, baseUrl, TestAccounts.NewEmail("ada"), "ada"), await CreateUserAsync(scim, baseUrl, TestAccounts.NewEmail("bob"), "bob"));
        var group = await Created(await scim.PostAsync($"{baseUrl}/Groups", new { displayName = "Helpdesk", members = new[] { new { value = ada } } }));
        var url = $"{baseUrl}/Groups/{group["id"]}";

        // Entra: paths, capitalized ops.
        await Patch(scim, url, new { op = "Replace", path = "displayName", value = "Service desk" });
        await Patch(scim, url, new { op = "Replace", path = "externalId", value = "entra-group-1" });
        await Patch(scim, url, new { op = "Replace", path = "members", value = new[] { new { value = bob } } });
        var read = await scim.GetJsonAsync(url);
        Assert.Equal(("Service desk", "entra-group-1"), (read["displayName"]!.GetValue<string>(), read["externalId"]!.GetValue<string>()));
        Assert.Equal([bob], await GroupMembers(org, group));

        // Okta: add without a path, as a value object; then remove the whole attribute.
        await Patch(scim, url, new { op = "add", value = new { members = new[] { new { value = ada, display = "ada" } } } });
        Assert.Equal(new[] { ada, bob }.Order(), (await GroupMembers(org, group)).Order());
        await Patch(scim, url, new { op = "remove", path = "members" });
        Assert.Empty(await GroupMembers(org, group));
    }

    [Fact]
    public async Task BadPatch_IsScim400WithItsType_AndChangesNothing()
    {
        var (org, scim) = await ScimAsync(api);
        var baseUrl = $"/scim/v2/{org.Id}";
        var id = await CreateUserAsync(scim, baseUrl, TestAccounts.NewEmail("bad"), "bad-1");
        var users = $"{baseUrl}/Users/{id}";
        var group = await Created(await scim.PostAsync($"{baseUrl}/Groups", new { displayName = "Ops" }));
        var groups = $"{baseUrl}/Groups/{group["id"]}";

        async Task Refused(string url, string scimType, params object[] operations) =>
            Assert.Equal(scimType, (await ScimError(await PatchAsync(scim, url, operations), HttpStatusCode.BadRequest))["scimType"]!.GetValue<string>());

        await Refused(users, "invalidSyntax");
        await Refused(users, "invalidSyntax", new { op = "move", path = "active", value = false });
        await Refused(users, "invalidSyntax", new { path = "active", value = false });
        await Refused(users, "noTarget", new { op = "remove" });
        await Refused(users, "invalidValue", new { op = "replace", value = "not an object" });
        await Refused(users, "invalidValue", new { op = "replace", path = "emails", value = new[] { new { value = "not-an-address" } } });
        await Refused(users, "invalidValue", new { op = "replace", path = "emails", value = "x@y.z" });
        await Refused(users, "invalidValue", new { op = "replace", path = "externalId", value = 42 });
        // The valid first operation is not kept when the second is refused.
        await Refused(users, "invalidValue", new { op = "replace", path = "externalId", value = "bad-2" }, new { op = "replace", path = "active", value = "maybe" });
        Assert.Equal("bad-1", (await scim.GetJsonAsync(users))["externalId"]!.GetValue<string>());

        await Refused(groups, "invalidValue", new { op = "add", path = "members", value = new[] { new { value = 7 } } });
        await Refused(groups, "invalidValue", new { op = "add", path = "members", value = "someone" });
        await Refused(groups, "invalidFilter", new { op = "remove", path = "members[display eq \"Ada\"]" });
        await Refused(groups, "invalidPath", new { op = "add", path = $"members[value eq \"{id}\"]", value = new { } });
        await Refused(groups, "mutability", new { op = "remove", path = "displayName" });
        await Refused(groups, "invalidValue", new { op = "replace", path = "displayName", value = new string('x', 101) });
        Assert.Equal("Ops", (await scim.GetJsonAsync(groups))["displayName"]!.GetValue<string>());
    }
}
