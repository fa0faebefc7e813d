using System.Net;
using System.Text.Json.Nodes;
using Custodian.Server.Features.Organizations;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.TwoFactor;

public sealed class TwoFactorPolicyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static string PolicyUrl(TestOrganization org) => $"/api/organizations/{org.Id}/policies/0";

    static JsonNode Member(JsonObject list, string email) =>
        list["data"]!.AsArray().Single(m => m!["email"]!.GetValue<string>() == email)!;

    [Fact]
    public async Task EnablingPolicy_RevokesMembersWithoutTwoStepLogin_AdminsIncluded_AndBlocksTheirReturn()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var (admin, compliant, invitee) = (await api.LoginNewUserAsync(), await api.LoginNewUserAsync(), await api.LoginNewUserAsync());
        await api.JoinThroughInviteAsync(org, admin, OrganizationUserType.Admin);
        await api.JoinThroughInviteAsync(org, compliant);
        await compliant.EnableAuthenticatorAsync();
        var inviteId = await org.InviteAsync(owner, invitee.Email);

        // The owner turning it on must have two-step login first.
        var refused = await ApiClient.ReadErrorAsync(await owner.Client.PutAsync(PolicyUrl(org), new { enabled = true }), HttpStatusCode.BadRequest);
        Assert.Equal(TwoFactorCompliance.SelfMessage, refused["message"]!.GetValue<string>());
        await owner.EnableAuthenticatorAsync();
        await owner.Client.PutJsonAsync(PolicyUrl(org), new { enabled = true });

        var list = await owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/users");
        Assert.Equal(-1, Member(list, admin.Email)["status"]!.GetValue<int>());
        Assert.False(Member(list, admin.Email)["twoFactorEnabled"]!.GetValue<bool>());
        Assert.Equal(2, Member(list, compliant.Email)["status"]!.GetValue<int>());
        Assert.True(Member(list, compliant.Email)["twoFactorEnabled"]!.GetValue<bool>());
        Assert.True(Member(list, owner.Email)["twoFactorEnabled"]!.GetValue<bool>());

        var adminId = Member(list, admin.Email)["id"]!.GetValue<string>();
        var restore = await ApiClient.ReadErrorAsync(await owner.Client.PutAsync($"/api/organizations/{org.Id}/users/{adminId}/restore"), HttpStatusCode.BadRequest);
        Assert.Equal(TwoFactorCompliance.RestoreMessage, restore["message"]!.GetValue<string>());
        var accept = await ApiClient.ReadErrorAsync(await org.AcceptAsync(invitee, inviteId, TestMembers.ReadInviteToken(api, inviteId)), HttpStatusCode.BadRequest);
        Assert.Equal(TwoFactorCompliance.JoinMessage, accept["message"]!.GetValue<string>());

        await admin.EnableAuthenticatorAsync();
        await ApiClient.ReadOkOrEmptyAsync(await owner.Client.PutAsync($"/api/organizations/{org.Id}/users/{adminId}/restore"));
        await invitee.EnableAuthenticatorAsync();
        await ApiClient.ReadOkOrEmptyAsync(await org.AcceptAsync(invitee, inviteId, TestMembers.ReadInviteToken(api, inviteId)));
    }

    [Fact]
    public async Task TurningTwoStepLoginOff_WherePolicyApplies_RevokesTheMember()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        await owner.EnableAuthenticatorAsync();
        var member = await api.LoginNewUserAsync();
        await member.EnableAuthenticatorAsync();
        await api.JoinThroughInviteAsync(org, member);
        await owner.Client.PutJsonAsync(PolicyUrl(org), new { enabled = true });

        await member.Client.PutJsonAsync("/api/two-factor/disable", new { type = 0, masterPasswordHash = member.Account.MasterPasswordHash });
        var list = await owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/users");
        Assert.Equal(-1, Member(list, member.Email)["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task SoleOwnerRecovers_WherePolicyApplies_LogsInAndStaysOwner()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        await owner.EnableAuthenticatorAsync();
        await owner.Client.PutJsonAsync(PolicyUrl(org), new { enabled = true });
        var code = await owner.RecoveryCodeAsync();
        var (status, body) = await api.TokenAsync(TestAccounts.PasswordForm(owner.Account)
            .WithCode(Custodian.Server.Features.TwoFactor.TwoFactorProviderType.RecoveryCode, code));
        Assert.True(status == 200, body.ToJsonString());
        var list = await (await api.LoginAsync(owner.Account)).Client.GetJsonAsync($"/api/organizations/{org.Id}/users");
        Assert.Equal(2, Member(list, owner.Email)["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task ProviderRequirement_ClientsUnreachableUntilTheTechnicianTurnsItOn()
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);
        var technician = await api.LoginNewUserAsync();
        await api.AddProviderUserAsync(provider, technician);
        var client = await provider.CreateClientAsync(owner, "Contoso", TestAccounts.NewEmail("contoso"));
        await technician.Client.GetJsonAsync($"/api/organizations/{client.Id}/users");

        // A service user may not change the setting; the admin may.
        await ApiClient.ReadErrorAsync(await technician.Client.PutAsync($"/api/providers/{provider.Id}",
            new { name = "Northwind MSP", billingEmail = owner.Email, requireTwoFactor = true }), HttpStatusCode.NotFound);
        var saved = await owner.Client.PutJsonAsync($"/api/providers/{provider.Id}", new { name = "Northwind MSP", billingEmail = owner.Email, requireTwoFactor = true });
        Assert.True(saved["requireTwoFactor"]!.GetValue<bool>());

        Assert.Equal(HttpStatusCode.NotFound, (await technician.Client.GetAsync($"/api/organizations/{client.Id}/users")).StatusCode);
        var profile = await technician.Client.GetJsonAsync("/api/accounts/profile");
        Assert.False(profile["twoFactorEnabled"]!.GetValue<bool>());
        Assert.Empty(profile["providerOrganizations"]!.AsArray());
        Assert.Single(profile["providers"]!.AsArray());   // the portal still lists the provider, whose settings say why

        await technician.EnableAuthenticatorAsync();
        await technician.Client.GetJsonAsync($"/api/organizations/{client.Id}/users");
        Assert.NotEmpty((await technician.Client.GetJsonAsync("/api/accounts/profile"))["providerOrganizations"]!.AsArray());

        // Each change of the requirement is in the provider's log, by whom; saving without a change adds nothing.
        await owner.Client.PutJsonAsync($"/api/providers/{provider.Id}", new { name = "Northwind MSP", billingEmail = owner.Email, requireTwoFactor = true });
        await owner.Client.PutJsonAsync($"/api/providers/{provider.Id}", new { name = "Northwind MSP", billingEmail = owner.Email, requireTwoFactor = false });
        var log = (await owner.Client.GetJsonAsync($"/api/providers/{provider.Id}/events"))["data"]!.AsArray()
            .Where(e => e!["type"]!.GetValue<int>() is 9800 or 9801).ToList();
        Assert.Equal([9801, 9800], log.Select(e => e!["type"]!.GetValue<int>()));
        Assert.All(log, e => Assert.Equal(owner.Id.ToString(), e!["actingUserId"]!.GetValue<string>()));
    }
}
