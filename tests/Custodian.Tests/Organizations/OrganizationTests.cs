using System.Net;
using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.Organizations;

public sealed class OrganizationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Create_ByUser_OwnerSeesOrgInProfileAndSyncWithUsableKey()
    {
        var owner = await api.LoginNewUserAsync();

        var org = await owner.CreateOrganizationAsync("Contoso");

        var profile = await owner.Client.GetJsonAsync("/api/accounts/profile");
        var entry = profile["organizations"]!.AsArray().Single()!;
        Assert.Equal("Contoso", entry["name"]!.GetValue<string>());
        Assert.Equal(0, entry["type"]!.GetValue<int>());
        Assert.Equal(2, entry["status"]!.GetValue<int>());
        Assert.Equal("profileOrganization", entry["object"]!.GetValue<string>());
        Assert.NotNull(entry["organizationUserId"]!.GetValue<string>());
        Assert.Equal(org.Key.ToBytes(), TestOrganizations.OrgKeyFromProfile(owner, profile, org.Id).ToBytes());
        var sync = await owner.Client.GetJsonAsync("/api/sync?excludeDomains=true");
        Assert.Single(sync["profile"]!["organizations"]!.AsArray());
    }

    [Fact]
    public async Task Get_Owner_ReturnsOrganization()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync("Fabrikam");

        var body = await owner.Client.GetJsonAsync($"/api/organizations/{org.Id}");

        Assert.Equal("organization", body["object"]!.GetValue<string>());
        Assert.Equal("Fabrikam", body["name"]!.GetValue<string>());
        Assert.True(body["hasPublicAndPrivateKeys"]!.GetValue<bool>());
        Assert.True(body["selfHost"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Get_NonMemberOrAnonymous_IsDenied()
    {
        var owner = await api.LoginNewUserAsync();
        var stranger = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();

        await ApiClient.ReadErrorAsync(await stranger.Client.GetAsync($"/api/organizations/{org.Id}"), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await stranger.Client.PutAsync($"/api/organizations/{org.Id}", new { name = "Mine" }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().GetAsync($"/api/organizations/{org.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().PostAsync("/api/organizations", new { })).StatusCode);
        Assert.Empty((await stranger.Client.GetJsonAsync("/api/organizations"))["data"]!.AsArray());
    }

    [Theory]
    [InlineData("not-an-encstring")]
    [InlineData("")]
    public async Task Create_MalformedKey_Returns400(string key)
    {
        var owner = await api.LoginNewUserAsync();

        var error = await ApiClient.ReadErrorAsync(await owner.Client.PostAsync("/api/organizations",
            new { name = "X", billingEmail = owner.Email, planType = 20, key }), HttpStatusCode.BadRequest);

        Assert.NotNull(error["validationErrors"]!["Key"]);
    }

    [Fact]
    public async Task Create_MissingNameAndBadEmail_Returns400WithFields()
    {
        var owner = await api.LoginNewUserAsync();
        var orgKey = SymmetricKey.Random();

        var error = await ApiClient.ReadErrorAsync(await owner.Client.PostAsync("/api/organizations",
            new { billingEmail = "nope", planType = 20, key = ClientCrypto.RsaEncrypt(orgKey.ToBytes(), owner.Account.PublicKeySpki) }),
            HttpStatusCode.BadRequest);

        Assert.NotNull(error["validationErrors"]!["Name"]);
        Assert.NotNull(error["validationErrors"]!["BillingEmail"]);
    }

    [Fact]
    public async Task Update_Owner_ChangesNameAndBumpsRevision()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync("Old");
        var beforeMs = await owner.Client.GetRevisionDateAsync();
        await Task.Delay(5, TestContext.Current.CancellationToken);

        var body = await owner.Client.PutJsonAsync($"/api/organizations/{org.Id}", new { name = "New", billingEmail = "billing@example.com" });

        Assert.Equal("New", body["name"]!.GetValue<string>());
        Assert.Equal("billing@example.com", body["billingEmail"]!.GetValue<string>());
        Assert.True(await owner.Client.GetRevisionDateAsync() > beforeMs);
    }

    [Fact]
    public async Task Keys_Member_ReadsPublicAndWrappedPrivateKey()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();

        var keys = await owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/keys");

        Assert.Equal("organizationKeys", keys["object"]!.GetValue<string>());
        var privateKey = ClientCrypto.DecryptEncString(keys["privateKey"]!.GetValue<string>(), org.Key);
        Assert.NotEmpty(privateKey);
        var error = await ApiClient.ReadErrorAsync(await owner.Client.PostAsync($"/api/organizations/{org.Id}/keys",
            new { publicKey = "AAAA", encryptedPrivateKey = org.Encrypt("x") }), HttpStatusCode.BadRequest);
        Assert.Equal("Organization Keys already exist.", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ApiKey_OwnerWithPassword_ReturnsAndRotates()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var verify = new { masterPasswordHash = owner.Account.MasterPasswordHash };

        var first = await owner.Client.PostJsonAsync($"/api/organizations/{org.Id}/api-key", verify);
        var rotated = await owner.Client.PostJsonAsync($"/api/organizations/{org.Id}/rotate-api-key", verify);

        Assert.Equal(30, first["apiKey"]!.GetValue<string>().Length);
        Assert.NotEqual(first["apiKey"]!.GetValue<string>(), rotated["apiKey"]!.GetValue<string>());
        await ApiClient.ReadErrorAsync(await owner.Client.PostAsync($"/api/organizations/{org.Id}/api-key",
            new { masterPasswordHash = "wrong" }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Delete_OwnerWithPassword_RemovesOrgForEveryone()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();

        await ApiClient.ReadErrorAsync(await owner.Client.DeleteAsync($"/api/organizations/{org.Id}", new { masterPasswordHash = "wrong" }),
            HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.DeleteAsync($"/api/organizations/{org.Id}",
            new { masterPasswordHash = owner.Account.MasterPasswordHash })).StatusCode);

        await ApiClient.ReadErrorAsync(await owner.Client.GetAsync($"/api/organizations/{org.Id}"), HttpStatusCode.NotFound);
        Assert.Empty((await owner.Client.GetJsonAsync("/api/accounts/profile"))["organizations"]!.AsArray());
        await using var scope = api.Services.CreateAsyncScope();
        var deleted = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Events
            .SingleAsync(e => e.OrganizationId == org.Id && e.Type == EventType.Organization_Deleted, TestContext.Current.CancellationToken);
        Assert.Equal(owner.Id, deleted.ActingUserId);
    }

    [Fact]
    public async Task Leave_LastOwner_Returns400()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();

        var error = await ApiClient.ReadErrorAsync(await owner.Client.PostAsync($"/api/organizations/{org.Id}/leave"), HttpStatusCode.BadRequest);

        Assert.Equal("Organization must have at least one confirmed owner.", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task CollectionManagement_Owner_UpdatesFlags()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();

        var body = await owner.Client.PutJsonAsync($"/api/organizations/{org.Id}/collection-management", new
        {
            limitCollectionCreation = true, limitCollectionDeletion = true, limitItemDeletion = false,
            allowAdminAccessToAllCollectionItems = false,
        });

        Assert.True(body["limitCollectionCreation"]!.GetValue<bool>());
        Assert.False(body["allowAdminAccessToAllCollectionItems"]!.GetValue<bool>());
    }

    /// <summary>The org's own routes: which role may call each; everyone else gets a 404.</summary>
    [Fact]
    public async Task EveryRoute_Authorization()
    {
        var roles = await api.CreateRolesAsync(new MemberPermissions { ManageUsers = true }, new MemberPermissions());
        var id = roles.Org.Id;
        var verify = new { masterPasswordHash = "checked after the role" };
        var update = new { name = "Renamed", billingEmail = roles.Owner.Email };
        var flags = new { limitCollectionCreation = false, limitCollectionDeletion = false, limitItemDeletion = false, allowAdminAccessToAllCollectionItems = true };
        var everyMember = new[] { roles.User, roles.CustomWithout, roles.CustomWith, roles.Admin, roles.Owner };
        var routes = new (string Method, string Url, object? Body, TestUser[] Allowed)[]
        {
            ("GET", $"/api/organizations/{id}", null, everyMember),
            ("GET", $"/api/organizations/{id}/keys", null, everyMember),
            ("PUT", $"/api/organizations/{id}", update, [roles.Owner]),
            ("POST", $"/api/organizations/{id}/keys", new { publicKey = "AAAA", encryptedPrivateKey = roles.Org.Encrypt("x") }, [roles.Admin, roles.Owner]),
            ("PUT", $"/api/organizations/{id}/collection-management", flags, [roles.Owner]),
            ("POST", $"/api/organizations/{id}/api-key", verify, [roles.Owner]),
            ("POST", $"/api/organizations/{id}/rotate-api-key", verify, [roles.Owner]),
            ("DELETE", $"/api/organizations/{id}", verify, [roles.Owner]),
        };
        foreach (var (method, url, body, allowed) in routes)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Send(api.CreateApiClient(), method, url, body)).StatusCode);
            foreach (var caller in everyMember.Append(roles.Stranger))
            {
                var response = await Send(caller.Client, method, url, body);
                if (allowed.Contains(caller))
                {
                    Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{method} {url}: {(int)response.StatusCode}");
                }
                else
                {
                    await ApiClient.ReadErrorAsync(response, HttpStatusCode.NotFound);
                }
            }
        }
        await ApiClient.ReadErrorAsync(await roles.Stranger.Client.PostAsync($"/api/organizations/{id}/leave"), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await roles.Owner.Client.GetAsync($"/api/organizations/{roles.StrangersOrg.Id}/keys"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await roles.User.Client.PostAsync($"/api/organizations/{id}/leave")).StatusCode);
        await ApiClient.ReadErrorAsync(await roles.User.Client.GetAsync($"/api/organizations/{id}"), HttpStatusCode.NotFound);
    }

    static Task<HttpResponseMessage> Send(ApiClient client, string method, string url, object? body) => method switch
    {
        "GET" => client.GetAsync(url),
        "POST" => client.PostAsync(url, body),
        "PUT" => client.PutAsync(url, body),
        _ => client.DeleteAsync(url, body),
    };
}
