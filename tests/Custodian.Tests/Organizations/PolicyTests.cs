using System.Net;
using Custodian.Server.Features.Organizations;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Vault;

namespace Custodian.Tests.Organizations;

public sealed class PolicyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static string Url(TestOrganization org, string tail = "") => $"/api/organizations/{org.Id}/policies{tail}";

    [Fact]
    public async Task PutGet_RoundTripsSettings_SyncDeliversEnabledPoliciesToMembersOnly()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var member = await api.LoginNewUserAsync();
        await api.AddConfirmedMemberAsync(org, member);
        var stranger = await api.LoginNewUserAsync();
        Assert.False((await owner.Client.GetJsonAsync(Url(org, "/1")))["enabled"]!.GetValue<bool>());

        var saved = await owner.Client.PutJsonAsync(Url(org, "/1"), new { enabled = true, data = new { minComplexity = 3, minLength = 14, requireUpper = true } });
        await owner.Client.PutJsonAsync(Url(org, "/2"), new { enabled = false, data = new { minLength = 20 } });
        await owner.Client.PutJsonAsync(Url(org, "/6/vnext"), new { policy = new { enabled = true, data = (object?)null }, metadata = new { } });

        Assert.Equal("policy", saved["object"]!.GetValue<string>());
        Assert.Equal(14, saved["data"]!["minLength"]!.GetValue<int>());
        Assert.Equal(3, (await owner.Client.GetJsonAsync(Url(org)))["data"]!.AsArray().Count);
        var policies = (await member.Client.GetJsonAsync("/api/sync?excludeDomains=true"))["policies"]!.AsArray();
        Assert.Equal([1, 6], policies.Select(p => p!["type"]!.GetValue<int>()).Order());
        Assert.True(policies.Single(p => p!["type"]!.GetValue<int>() == 1)!["data"]!["requireUpper"]!.GetValue<bool>());
        Assert.Empty((await stranger.Client.GetJsonAsync("/api/sync?excludeDomains=true"))["policies"]!.AsArray());
    }

    [Theory]
    [InlineData(1, "{\"minLength\": 5}")]
    [InlineData(1, "{\"minComplexity\": 9}")]
    [InlineData(1, "{\"requireUpper\": \"yes\"}")]
    [InlineData(2, "{\"minNumbers\": 40}")]
    [InlineData(9, "{\"minutes\": 0}")]
    [InlineData(0, "[1, 2]")]
    public async Task Put_InvalidData_Returns400(int type, string data)
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        await owner.Client.PutJsonAsync(Url(org, "/3"), new { enabled = true });

        var response = await owner.Client.Http.PutAsync(Url(org, $"/{type}"),
            new StringContent($"{{\"enabled\": true, \"data\": {data}}}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        await ApiClient.ReadErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.False((await owner.Client.GetJsonAsync(Url(org, $"/{type}")))["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Dependencies_RequireSingleOrgFirst_AndKeepItOn()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();

        await ApiClient.ReadErrorAsync(await owner.Client.PutAsync(Url(org, "/8"), new { enabled = true }), HttpStatusCode.BadRequest);
        await owner.Client.PutJsonAsync(Url(org, "/3"), new { enabled = true });
        await owner.Client.PutJsonAsync(Url(org, "/8"), new { enabled = true, data = new { autoEnrollEnabled = false } });
        await ApiClient.ReadErrorAsync(await owner.Client.PutAsync(Url(org, "/3"), new { enabled = false }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await owner.Client.PutAsync(Url(org, "/99"), new { enabled = true }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SingleOrg_RevokesMembersOfOtherOrgs_AndBlocksJoiningOrCreatingOthers()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var loyal = await api.LoginNewUserAsync();
        await api.JoinThroughInviteAsync(org, loyal);
        var dual = await api.LoginNewUserAsync();
        var dualId = await api.JoinThroughInviteAsync(org, dual);
        await dual.CreateOrganizationAsync("Side business");

        await owner.Client.PutJsonAsync(Url(org, "/3"), new { enabled = true });

        Assert.Equal(-1, (await owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/users/{dualId}"))["status"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await loyal.Client.GetAsync($"/api/organizations/{org.Id}")).StatusCode);
        var refused = await ApiClient.ReadErrorAsync(await loyal.Client.PostAsync("/api/organizations", TestOrganizations.CreateBody(loyal, Support.SymmetricKey.Random())),
            HttpStatusCode.BadRequest);
        Assert.Equal(PolicyRules.SingleOrgBlocksMessage, refused["message"]!.GetValue<string>());
        var elsewhere = await (await api.LoginNewUserAsync()).CreateOrganizationAsync("Elsewhere");
        var invited = await elsewhere.InviteAsync(elsewhere.Owner, loyal.Email);
        await ApiClient.ReadErrorAsync(await elsewhere.AcceptAsync(loyal, invited, TestMembers.ReadInviteToken(api, invited)), HttpStatusCode.BadRequest);
        var outsider = await api.LoginNewUserAsync();
        await outsider.CreateOrganizationAsync("Own org");
        var joining = await org.InviteAsync(owner, outsider.Email);
        var blocked = await ApiClient.ReadErrorAsync(await org.AcceptAsync(outsider, joining, TestMembers.ReadInviteToken(api, joining)), HttpStatusCode.BadRequest);
        Assert.Equal(PolicyRules.SingleOrgMessage, blocked["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task DataOwnership_BlocksPersonalItemsForMembersButNotAdmins()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var member = await api.LoginNewUserAsync();
        await api.AddConfirmedMemberAsync(org, member);

        await owner.Client.PutJsonAsync(Url(org, "/5"), new { enabled = true });

        var error = await ApiClient.ReadErrorAsync(await member.Client.PostAsync("/api/ciphers", TestCiphers.Login(member)), HttpStatusCode.BadRequest);
        Assert.Equal(PolicyRules.PersonalOwnershipMessage, error["message"]!.GetValue<string>());
        await ApiClient.ReadErrorAsync(await member.Client.PostAsync("/api/ciphers/import",
            new { ciphers = new[] { TestCiphers.Login(member) } }), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.PostAsync("/api/ciphers", TestCiphers.Login(owner))).StatusCode);
    }

    [Fact]
    public async Task InviteeSeesPoliciesWithToken_Only()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        await owner.Client.PutJsonAsync(Url(org, "/1"), new { enabled = true, data = new { minLength = 16 } });
        var email = TestAccounts.NewEmail();
        var memberId = await org.InviteAsync(owner, email);
        var token = TestMembers.ReadInviteToken(api, memberId);
        var anonymous = api.CreateApiClient();

        var list = await anonymous.GetJsonAsync(Url(org, $"/token?email={Uri.EscapeDataString(email)}&organizationUserId={memberId}&token={Uri.EscapeDataString(token)}"));

        Assert.Equal(16, list["data"]![0]!["data"]!["minLength"]!.GetValue<int>());
        await ApiClient.ReadErrorAsync(await anonymous.GetAsync(Url(org, $"/token?email={Uri.EscapeDataString(email)}&organizationUserId={memberId}&token=forged")),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EveryRoute_Authorization()
    {
        var roles = await api.CreateRolesAsync(new MemberPermissions { ManagePolicies = true }, new MemberPermissions { ManageUsers = true });
        var org = roles.Org;
        var body = new { enabled = true, data = new { disableHideEmail = true } };

        foreach (var (method, url) in new[] { ("GET", Url(org)), ("GET", Url(org, "/7")), ("PUT", Url(org, "/7")), ("PUT", Url(org, "/7/vnext")) })
        {
            var payload = url.EndsWith("vnext", StringComparison.Ordinal) ? (object)new { policy = body } : body;
            Assert.Equal(HttpStatusCode.Unauthorized, (method == "GET" ? await api.CreateApiClient().GetAsync(url) : await api.CreateApiClient().PutAsync(url, payload)).StatusCode);
            foreach (var denied in roles.Denied)
            {
                await ApiClient.ReadErrorAsync(method == "GET" ? await denied.Client.GetAsync(url) : await denied.Client.PutAsync(url, payload), HttpStatusCode.NotFound);
            }
            foreach (var allowed in roles.Allowed)
            {
                Assert.Equal(HttpStatusCode.OK, (method == "GET" ? await allowed.Client.GetAsync(url) : await allowed.Client.PutAsync(url, payload)).StatusCode);
            }
        }
    }
}
