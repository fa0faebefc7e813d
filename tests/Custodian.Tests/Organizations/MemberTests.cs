using System.Net;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Tests.Identity;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.Organizations;

public sealed class MemberTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task InviteAcceptConfirm_MemberGetsTheOrgKeyAndSharedItems()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync("Acme");
        var member = await api.LoginNewUserAsync();

        var memberId = await org.InviteAsync(owner, member.Email.ToUpperInvariant());
        var invited = await owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/users/{memberId}");
        Assert.Equal("organizationUserDetails", invited["object"]!.GetValue<string>());
        Assert.Equal(0, invited["status"]!.GetValue<int>());
        await ApiClient.ReadOkOrEmptyAsync(await org.AcceptAsync(member, memberId, TestMembers.ReadInviteToken(api, memberId)));
        var keys = await owner.Client.PostJsonAsync($"/api/organizations/{org.Id}/users/public-keys", new { ids = new[] { memberId } });
        Assert.Equal(member.Account.PublicKey, keys["data"]![0]!["key"]!.GetValue<string>());
        await ApiClient.ReadOkOrEmptyAsync(await org.ConfirmAsync(owner, member, memberId));

        var profile = await member.Client.GetJsonAsync("/api/accounts/profile");
        Assert.Equal(org.Key.ToBytes(), TestOrganizations.OrgKeyFromProfile(member, profile, org.Id).ToBytes());
        var list = await owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/users?includeCollections=true&includeGroups=true");
        var row = list["data"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == memberId.ToString())!;
        Assert.Equal("organizationUserUserDetails", row["object"]!.GetValue<string>());
        Assert.Equal(2, row["status"]!.GetValue<int>());
        Assert.Equal(member.Email, row["email"]!.GetValue<string>());
        Assert.Equal(member.Id.ToString(), row["userId"]!.GetValue<string>());
        var collection = await org.CreateCollectionAsync("Team", TestCollections.Access(memberId));
        await org.CreateItemAsync(owner, "Shared login", collection);
        var item = (await member.Client.GetJsonAsync("/api/sync?excludeDomains=true"))["ciphers"]!.AsArray().Single()!;
        Assert.Equal("Shared login", org.Decrypt(item["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Accept_WrongTokenOrOtherAccount_Returns400()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var invitee = await api.LoginNewUserAsync();
        var other = await api.LoginNewUserAsync();
        var memberId = await org.InviteAsync(owner, invitee.Email);
        var token = TestMembers.ReadInviteToken(api, memberId);

        await ApiClient.ReadErrorAsync(await org.AcceptAsync(invitee, memberId, TestTokens.Tampered(token)), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await org.AcceptAsync(other, memberId, token), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await org.ConfirmAsync(owner, invitee, memberId), HttpStatusCode.BadRequest);   // not accepted yet
        await ApiClient.ReadOkOrEmptyAsync(await org.AcceptAsync(invitee, memberId, token));
        await ApiClient.ReadErrorAsync(await org.AcceptAsync(invitee, memberId, token), HttpStatusCode.BadRequest);   // used
        await ApiClient.ReadErrorAsync(await owner.Client.PostAsync($"/api/organizations/{org.Id}/users/{memberId}/confirm", new { key = "2.plain" }),
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Invite_AlreadyMemberBadEmailOrNoSeats_Returns400()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var url = $"/api/organizations/{org.Id}/users/invite";

        await ApiClient.ReadErrorAsync(await owner.Client.PostAsync(url, new { emails = new[] { owner.Email }, type = 2 }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await owner.Client.PostAsync(url, new { emails = new[] { "not an email" }, type = 2 }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await owner.Client.PostAsync(url, new { emails = Array.Empty<string>(), type = 2 }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await owner.Client.PostAsync(url, new { emails = new[] { "a@example.com" }, type = 2, collections = new[] { TestCollections.Access(Guid.NewGuid()) } }),
            HttpStatusCode.BadRequest);
        await SetSeatsAsync(org.Id, 2);
        await org.InviteAsync(owner, TestAccounts.NewEmail());
        var full = await ApiClient.ReadErrorAsync(await owner.Client.PostAsync(url, new { emails = new[] { TestAccounts.NewEmail() }, type = 2 }), HttpStatusCode.BadRequest);
        Assert.Contains("maximum number of users", full["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    async Task SetSeatsAsync(Guid organizationId, int seats)
    {
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.Organizations.FindAsync([organizationId], TestContext.Current.CancellationToken))!.Seats = seats;
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task BulkConfirm_ReportsEachMember()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var accepted = await api.LoginNewUserAsync();
        var acceptedId = await org.InviteAsync(owner, accepted.Email);
        await ApiClient.ReadOkOrEmptyAsync(await org.AcceptAsync(accepted, acceptedId, TestMembers.ReadInviteToken(api, acceptedId)));
        var pendingId = await org.InviteAsync(owner, TestAccounts.NewEmail());
        var unknown = Guid.NewGuid();
        var key = ClientCrypto.RsaEncrypt(org.Key.ToBytes(), accepted.Account.PublicKeySpki);

        var results = await owner.Client.PostJsonAsync($"/api/organizations/{org.Id}/users/confirm",
            new { keys = new[] { new { id = acceptedId, key }, new { id = pendingId, key }, new { id = unknown, key } } });

        var byId = results["data"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!["error"]!.GetValue<string>());
        Assert.Equal("", byId[acceptedId.ToString()]);
        Assert.NotEqual("", byId[pendingId.ToString()]);
        Assert.NotEqual("", byId[unknown.ToString()]);
        Assert.Single((await accepted.Client.GetJsonAsync("/api/accounts/profile"))["organizations"]!.AsArray());
    }

    [Fact]
    public async Task RoleChangeRevokeRestoreRemove()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var member = await api.LoginNewUserAsync();
        var memberId = await api.JoinThroughInviteAsync(org, member);
        var collection = await org.CreateCollectionAsync("Ops");
        var url = $"/api/organizations/{org.Id}/users/{memberId}";

        await ApiClient.ReadOkOrEmptyAsync(await owner.Client.PutAsync(url, new
        {
            type = 4, permissions = new { manageUsers = true, accessEventLogs = true },
            collections = new[] { TestCollections.Access(collection, readOnly: true) }, groups = Array.Empty<Guid>(),
        }));
        var updated = await owner.Client.GetJsonAsync(url);
        Assert.Equal(4, updated["type"]!.GetValue<int>());
        Assert.True(updated["permissions"]!["manageUsers"]!.GetValue<bool>());
        Assert.True(updated["collections"]![0]!["readOnly"]!.GetValue<bool>());
        Assert.Single((await member.Client.GetJsonAsync("/api/collections"))["data"]!.AsArray());

        await ApiClient.ReadOkOrEmptyAsync(await owner.Client.PutAsync($"{url}/revoke"));
        await ApiClient.ReadErrorAsync(await member.Client.GetAsync($"/api/organizations/{org.Id}"), HttpStatusCode.NotFound);
        Assert.Empty((await member.Client.GetJsonAsync("/api/collections"))["data"]!.AsArray());
        await ApiClient.ReadOkOrEmptyAsync(await owner.Client.PutAsync($"{url}/restore"));
        Assert.Equal(2, (await owner.Client.GetJsonAsync(url))["status"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync($"/api/organizations/{org.Id}")).StatusCode);

        await ApiClient.ReadOkOrEmptyAsync(await owner.Client.DeleteAsync(url));
        await ApiClient.ReadErrorAsync(await member.Client.GetAsync($"/api/organizations/{org.Id}"), HttpStatusCode.NotFound);
        Assert.Empty((await member.Client.GetJsonAsync("/api/accounts/profile"))["organizations"]!.AsArray());
    }

    [Fact]
    public async Task LastConfirmedOwner_CannotBeDemotedRevokedOrRemoved()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var admin = await api.LoginNewUserAsync();
        await api.JoinThroughInviteAsync(org, admin, OrganizationUserType.Admin);
        var ownerId = Guid.Parse((await owner.Client.GetJsonAsync("/api/accounts/profile"))["organizations"]![0]!["organizationUserId"]!.GetValue<string>());
        var url = $"/api/organizations/{org.Id}/users/{ownerId}";

        var demote = await ApiClient.ReadErrorAsync(await owner.Client.PutAsync(url, new { type = 1 }), HttpStatusCode.BadRequest);
        Assert.Equal(MemberRules.LastOwnerMessage, demote["message"]!.GetValue<string>());
        await ApiClient.ReadErrorAsync(await owner.Client.PutAsync($"{url}/revoke"), HttpStatusCode.BadRequest);   // yourself
        await ApiClient.ReadErrorAsync(await admin.Client.PutAsync($"{url}/revoke"), HttpStatusCode.BadRequest);   // only owners touch owners
        await ApiClient.ReadErrorAsync(await admin.Client.DeleteAsync(url), HttpStatusCode.BadRequest);
        var bulk = await owner.Client.PutJsonAsync($"/api/organizations/{org.Id}/users/revoke", new { ids = new[] { ownerId } });
        Assert.NotEqual("", bulk["data"]![0]!["error"]!.GetValue<string>());
        await ApiClient.ReadErrorAsync(await admin.Client.PostAsync($"/api/organizations/{org.Id}/users/invite",
            new { emails = new[] { TestAccounts.NewEmail() }, type = 0 }), HttpStatusCode.BadRequest);   // admins cannot make owners
        Assert.Equal(0, (await owner.Client.GetJsonAsync(url))["type"]!.GetValue<int>());
    }

    /// <summary>Every member route, for each kind of caller; org B's member ids never work under org A.</summary>
    [Fact]
    public async Task EveryRoute_Authorization()
    {
        var roles = await api.CreateRolesAsync(new MemberPermissions { ManageUsers = true }, new MemberPermissions { AccessEventLogs = true });
        var (org, owner, stranger, otherOrg) = (roles.Org, roles.Owner, roles.Stranger, roles.StrangersOrg);
        var target = await api.LoginNewUserAsync();
        var targetId = await api.AddConfirmedMemberAsync(org, target);
        var foreignId = await api.AddConfirmedMemberAsync(otherOrg, await api.LoginNewUserAsync());
        string Url(string tail = "") => $"/api/organizations/{org.Id}/users{tail}";
        var update = new { type = 2, collections = Array.Empty<object>(), groups = Array.Empty<Guid>() };
        var routes = new (string Method, string Url, object? Body)[]
        {
            ("GET", Url(), null), ("GET", Url($"/{targetId}"), null), ("GET", Url($"/{targetId}/groups"), null),
            ("POST", Url("/invite"), new { emails = new[] { TestAccounts.NewEmail() }, type = 2 }),
            ("POST", Url("/reinvite"), new { ids = new[] { targetId } }), ("POST", Url($"/{targetId}/reinvite"), null),
            ("POST", Url($"/{targetId}/confirm"), new { key = ClientCrypto.RsaEncrypt(org.Key.ToBytes(), target.Account.PublicKeySpki) }),
            ("POST", Url("/confirm"), new { keys = Array.Empty<object>() }), ("POST", Url("/public-keys"), new { ids = new[] { targetId } }),
            ("PUT", Url($"/{targetId}"), update), ("PUT", Url($"/{targetId}/revoke"), null), ("PUT", Url("/revoke"), new { ids = new[] { targetId } }),
            ("PUT", Url($"/{targetId}/restore"), null), ("PUT", Url("/restore"), new { ids = new[] { targetId } }),
            ("DELETE", Url("/" + foreignId), null), ("DELETE", Url(), new { ids = new[] { foreignId } }),
        };
        var anonymous = api.CreateApiClient();
        foreach (var (method, url, body) in routes)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Send(anonymous, method, url, body)).StatusCode);
            foreach (var denied in roles.Denied)
            {
                await ApiClient.ReadErrorAsync(await Send(denied.Client, method, url, body), HttpStatusCode.NotFound);
            }
        }
        // Allowed callers pass the gate (the answer may still be a 400 for this particular member's state).
        foreach (var allowed in roles.Allowed)
        {
            foreach (var (method, url, body) in routes)
            {
                var response = await Send(allowed.Client, method, url, body);
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest || url.Contains(foreignId.ToString(), StringComparison.Ordinal),
                    $"{method} {url} by an allowed caller: {(int)response.StatusCode}");
            }
        }
        // Org B's member under org A's routes is not found, even for org A's owner; org B still has it.
        await ApiClient.ReadErrorAsync(await owner.Client.GetAsync(Url($"/{foreignId}")), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await owner.Client.PutAsync(Url($"/{foreignId}"), update), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await owner.Client.DeleteAsync(Url($"/{foreignId}")), HttpStatusCode.NotFound);
        Assert.Contains((await stranger.Client.GetJsonAsync($"/api/organizations/{otherOrg.Id}/users"))["data"]!.AsArray(),
            m => m!["id"]!.GetValue<string>() == foreignId.ToString());
    }

    static Task<HttpResponseMessage> Send(ApiClient client, string method, string url, object? body) => method switch
    {
        "GET" => client.GetAsync(url),
        "POST" => client.PostAsync(url, body),
        "PUT" => client.PutAsync(url, body),
        _ => client.DeleteAsync(url, body),
    };
}

public sealed class MemberSignupsDisabledTests(SignupsDisabledFactory api) : IClassFixture<SignupsDisabledFactory>
{
    [Fact]
    public async Task RegisterFinish_WithInvitation_WorksWhileSignupsAreOff()
    {
        var owner = await api.LoginAsync(await SeedAccountAsync());
        var org = await owner.CreateOrganizationAsync();
        var account = ClientAccount.CreateFast(TestAccounts.NewEmail("invitee"), TestAccounts.DefaultPassword);
        var memberId = await org.InviteAsync(owner, account.Email);
        var token = TestMembers.ReadInviteToken(api, memberId);
        var body = RegistrationTests.FinishBody(account, token: null!);
        body.Remove("emailVerificationToken");
        body["orgInviteToken"] = TestTokens.Tampered(token);
        body["organizationUserId"] = memberId.ToString();

        await ApiClient.ReadErrorAsync(await api.CreateApiClient().PostAsync("/identity/accounts/register/finish", body), HttpStatusCode.BadRequest);
        body["orgInviteToken"] = token;
        await ApiClient.ReadOkAsync(await api.CreateApiClient().PostAsync("/identity/accounts/register/finish", body));

        var member = await api.LoginAsync(account);
        await ApiClient.ReadOkOrEmptyAsync(await org.AcceptAsync(member, memberId, token));
        await ApiClient.ReadOkOrEmptyAsync(await org.ConfirmAsync(owner, member, memberId));
        Assert.Single((await member.Client.GetJsonAsync("/api/accounts/profile"))["organizations"]!.AsArray());
    }

    /// <summary>With signups off, the org owner's account is made the way an operator would: straight into the database.</summary>
    async Task<ClientAccount> SeedAccountAsync()
    {
        var account = ClientAccount.CreateFast(TestAccounts.NewEmail("owner"), TestAccounts.DefaultPassword);
        using var scope = api.Services.CreateScope();
        var registrar = scope.ServiceProvider.GetRequiredService<Custodian.Server.Features.Accounts.AccountRegistrar>();
        await registrar.RegisterAsync(new Custodian.Server.Features.Accounts.NewAccount(account.Email, "Owner", null, account.MasterPasswordHash,
            account.Email, (Custodian.Server.Features.Accounts.KdfType)(int)account.Kdf.Type, account.Kdf.Iterations, account.Kdf.Memory,
            account.Kdf.Parallelism, account.ProtectedUserKey, account.PublicKey, account.EncryptedPrivateKey, EmailVerified: true),
            TestContext.Current.CancellationToken);
        return account;
    }
}
