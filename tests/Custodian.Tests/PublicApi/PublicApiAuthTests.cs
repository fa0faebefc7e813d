using System.Net;
using Custodian.Server.Infrastructure.Data;
using Custodian.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.PublicApi;

/// <summary>Organization API keys: who gets a token, what it reaches, and that rotation ends it at once.</summary>
public sealed class PublicApiAuthTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static readonly string[] PublicRoutes = ["/api/public/members", "/api/public/groups", "/api/public/collections", "/api/public/policies", "/api/public/events"];

    [Fact]
    public async Task OrgKey_LogsIn_ReachesOnlyItsOrgsPublicApi_MemberTokensRefusedThere()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var other = await (await api.LoginNewUserAsync()).CreateOrganizationAsync("Other");
        var client = await api.OrgApiClientAsync(org);
        var otherClient = await api.OrgApiClientAsync(other);

        foreach (var route in PublicRoutes)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(route)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().GetAsync(route)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await owner.Client.GetAsync(route)).StatusCode);
        }
        var members = (await client.GetJsonAsync("/api/public/members"))["data"]!.AsArray();
        Assert.Equal(owner.Email, Assert.Single(members)!["email"]!.GetValue<string>());
        var ownerMemberId = members[0]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/api/public/members/{ownerMemberId}")).StatusCode);
        // The org's token is no user: the client API refuses it.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/sync")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/organizations/{org.Id}/users")).StatusCode);
    }

    [Fact]
    public async Task Grant_WrongSecretScopeOrOtherOrgsKey_IsInvalidClient()
    {
        var org = await (await api.LoginNewUserAsync()).CreateOrganizationAsync();
        var other = await (await api.LoginNewUserAsync()).CreateOrganizationAsync("Other");
        var secret = await org.OrgApiKeyAsync();
        var anon = api.CreateApiClient();
        async Task<string> Error(Dictionary<string, string> form)
        {
            var response = await anon.PostFormAsync("/identity/connect/token", form);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
            return body["error"]!.GetValue<string>();
        }

        Assert.Equal("invalid_client", await Error(TestApiKeys.ClientCredentials($"organization.{org.Id}", "wrong", "api.organization")));
        Assert.Equal("invalid_client", await Error(TestApiKeys.ClientCredentials($"organization.{other.Id}", secret, "api.organization")));
        Assert.Equal("invalid_client", await Error(TestApiKeys.ClientCredentials($"organization.{Guid.NewGuid()}", secret, "api.organization")));
        Assert.Equal("invalid_client", await Error(TestApiKeys.ClientCredentials("organization.not-a-guid", secret, "api.organization")));
        Assert.Equal("invalid_scope", await Error(TestApiKeys.ClientCredentials($"organization.{org.Id}", secret, "api")));
        // An org that never asked for its key has none to guess.
        Assert.Equal("invalid_client", await Error(TestApiKeys.ClientCredentials($"organization.{other.Id}", "", "api.organization")));
    }

    [Fact]
    public async Task Rotate_StopsOldKeyAndItsTokensAtOnce_KeyStoredEncrypted()
    {
        var org = await (await api.LoginNewUserAsync()).CreateOrganizationAsync();
        var secret = await org.OrgApiKeyAsync();
        Assert.Equal(secret, await org.OrgApiKeyAsync());
        var client = await api.OrgApiClientAsync(org.Id, secret);

        var rotated = await org.OrgApiKeyAsync(rotate: true);

        Assert.NotEqual(secret, rotated);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/public/members")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.CreateApiClient().PostFormAsync("/identity/connect/token",
            TestApiKeys.ClientCredentials($"organization.{org.Id}", secret, "api.organization"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await api.OrgApiClientAsync(org.Id, rotated)).GetAsync("/api/public/members")).StatusCode);
        using var scope = api.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organizations
            .Where(o => o.Id == org.Id).Select(o => o.ApiKey).SingleAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("dp1:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(rotated, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKey_OwnerOnly_WithPassword_ScimKeyForScimManagers()
    {
        var roles = await api.CreateRolesAsync(new() { ManageScim = true }, new() { ManageUsers = true });
        var url = $"/api/organizations/{roles.Org.Id}/api-key";
        foreach (var denied in new[] { roles.Admin, roles.User, roles.CustomWith, roles.Stranger })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await denied.Client.PostAsync(url, new { masterPasswordHash = denied.Account.MasterPasswordHash })).StatusCode);
        }
        foreach (var denied in roles.Denied)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await denied.Client.PostAsync(url, new { masterPasswordHash = denied.Account.MasterPasswordHash, type = 2 })).StatusCode);
        }
        await ApiClient.ReadErrorAsync(await roles.Owner.Client.PostAsync(url, new { masterPasswordHash = "wrong" }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await roles.Owner.Client.PostAsync(url, new { masterPasswordHash = roles.Owner.Account.MasterPasswordHash, type = 1 }), HttpStatusCode.BadRequest);
        var scim = await roles.CustomWith.Client.PostJsonAsync(url, new { masterPasswordHash = roles.CustomWith.Account.MasterPasswordHash, type = 2 });
        Assert.Equal("apiKey", scim["object"]!.GetValue<string>());
        Assert.NotEqual(scim["apiKey"]!.GetValue<string>(), await roles.Org.OrgApiKeyAsync());
    }

    [Fact]
    public async Task OpenApiDocument_ListsPublicRoutesOnly()
    {
        var doc = await api.CreateApiClient().GetJsonAsync("/api/public/openapi.json");
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/public/members", paths);
        Assert.Contains("/api/public/organization/import", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/public/", p, StringComparison.Ordinal));
    }
}
