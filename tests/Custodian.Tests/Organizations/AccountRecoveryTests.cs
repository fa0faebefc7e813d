using System.Net;
using Custodian.Server.Features.Organizations;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Support;

namespace Custodian.Tests.Organizations;

public sealed class AccountRecoveryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string NewPassword = "a brand new temporary password";

    async Task<(TestOrganization Org, TestUser Member, Guid MemberId)> EnrolledMemberAsync(OrganizationUserType type = OrganizationUserType.User)
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        await org.EnableRecoveryPolicyAsync();
        var member = await api.LoginNewUserAsync();
        var memberId = await api.AddConfirmedMemberAsync(org, member, type);
        await ApiClient.ReadOkOrEmptyAsync(await org.EnrollAsync(member));
        return (org, member, memberId);
    }

    [Fact]
    public async Task Reset_ByOwner_MemberLogsInWithNewPassword_MustChangeIt_KeepsTheirItems_OldSessionsEnd()
    {
        var (org, member, memberId) = await EnrolledMemberAsync();
        var item = await member.Client.PostJsonAsync("/api/ciphers", new { type = 2, name = member.Account.Encrypt("my note"), secureNote = new { type = 0 } });
        var list = await org.Owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/users");
        Assert.True(list["data"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == memberId.ToString())!["resetPasswordEnrolled"]!.GetValue<bool>());

        var (response, newAccount) = await org.Owner.Client.ResetAsync(org.Key, org.Id, memberId, member.Account, NewPassword);
        await ApiClient.ReadOkOrEmptyAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, (await member.Client.GetAsync("/api/accounts/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.CreateApiClient().PostFormAsync("/identity/connect/token", TestAccounts.PasswordForm(member.Account))).StatusCode);
        var token = await api.PasswordLoginAsync(newAccount);
        Assert.True(token["ForcePasswordReset"]!.GetValue<bool>());
        var after = await api.LoginAsync(newAccount);
        Assert.True((await after.Client.GetJsonAsync("/api/accounts/profile"))["forcePasswordReset"]!.GetValue<bool>());
        var userKey = SymmetricKey.FromBytes(ClientCrypto.DecryptEncString(token["Key"]!.GetValue<string>(), ClientCrypto.StretchMasterKey(newAccount.MasterKey)));
        var sync = await after.Client.GetJsonAsync("/api/sync?excludeDomains=true");
        var name = sync["ciphers"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == item["id"]!.GetValue<string>())!["name"]!.GetValue<string>();
        Assert.Equal("my note", ClientCrypto.DecryptEncStringUtf8(name, userKey));

        var chosen = newAccount.WithNewPassword("the member's own new password");
        await ApiClient.ReadOkOrEmptyAsync(await after.Client.PutAsync("/api/accounts/update-temp-password",
            new { newMasterPasswordHash = chosen.MasterPasswordHash, key = chosen.ProtectedUserKey, masterPasswordHint = (string?)null }));
        Assert.False((await api.PasswordLoginAsync(chosen))["ForcePasswordReset"]!.GetValue<bool>());

        var events = await org.Owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/events");
        var types = events["data"]!.AsArray().Select(e => e!["type"]!.GetValue<int>()).ToList();
        Assert.Contains(1506, types);
        Assert.Contains(1508, types);
        var mail = Directory.GetFiles(Path.Combine(api.DataDirectory, "outbox")).Select(f => MimeKit.MimeMessage.Load(f))
            .Where(m => m.To.ToString().Contains(member.Email, StringComparison.Ordinal)).Select(m => m.Subject);
        Assert.Contains("Your master password was reset", mail);
    }

    [Fact]
    public async Task UpdateTempPassword_WithoutAReset_Is400()
    {
        var user = await api.LoginNewUserAsync();
        var other = user.Account.WithNewPassword("whatever else");
        var error = await ApiClient.ReadErrorAsync(await user.Client.PutAsync("/api/accounts/update-temp-password",
            new { newMasterPasswordHash = other.MasterPasswordHash, key = other.ProtectedUserKey }), HttpStatusCode.BadRequest);
        Assert.Equal("User does not have a temporary password to update.", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Enrollment_NeedsPolicyAndPassword_WithdrawBlockedByAutoEnroll_AcceptRequiresKeyWhenAutoEnroll()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var member = await api.LoginNewUserAsync();
        await api.AddConfirmedMemberAsync(org, member);
        var url = $"/api/organizations/{org.Id}/users/{member.Id}/reset-password-enrollment";
        var wrapped = await TestRecovery.WrapUserKeyToOrgAsync(org, member);

        var off = await ApiClient.ReadErrorAsync(await member.Client.PutAsync(url, new { resetPasswordKey = wrapped, masterPasswordHash = member.Account.MasterPasswordHash }), HttpStatusCode.BadRequest);
        Assert.Equal(AccountRecovery.PolicyOffMessage, off["message"]!.GetValue<string>());
        await org.EnableRecoveryPolicyAsync(autoEnroll: true);
        await ApiClient.ReadErrorAsync(await member.Client.PutAsync(url, new { resetPasswordKey = wrapped, masterPasswordHash = "wrong" }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await member.Client.PutAsync(url, new { resetPasswordKey = "not-an-encstring", masterPasswordHash = member.Account.MasterPasswordHash }), HttpStatusCode.BadRequest);
        // Someone else's enrollment: the route names the account, and it must be the caller's.
        var stranger = await api.LoginNewUserAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.PutAsync(url, new { resetPasswordKey = wrapped, masterPasswordHash = stranger.Account.MasterPasswordHash })).StatusCode);
        await ApiClient.ReadOkOrEmptyAsync(await member.Client.PutAsync(url, new { resetPasswordKey = wrapped, masterPasswordHash = member.Account.MasterPasswordHash }));
        var withdraw = await ApiClient.ReadErrorAsync(await member.Client.PutAsync(url, new { resetPasswordKey = (string?)null }), HttpStatusCode.BadRequest);
        Assert.Equal(AccountRecovery.AutoEnrollMessage, withdraw["message"]!.GetValue<string>());

        var invitee = await api.LoginNewUserAsync();
        var inviteId = await org.InviteAsync(owner, invitee.Email);
        var token = TestMembers.ReadInviteToken(api, inviteId);
        await ApiClient.ReadErrorAsync(await org.AcceptAsync(invitee, inviteId, token), HttpStatusCode.BadRequest);
        await ApiClient.ReadOkOrEmptyAsync(await invitee.Client.PostAsync($"/api/organizations/{org.Id}/users/{inviteId}/accept",
            new { token, resetPasswordKey = await TestRecovery.WrapUserKeyToOrgAsync(org, invitee) }));
        var profile = await invitee.Client.GetJsonAsync("/api/accounts/profile");
        Assert.Equal(HttpStatusCode.OK, (await invitee.Client.GetAsync("/api/accounts/profile")).StatusCode);
        Assert.NotNull(profile);

        await owner.Client.PutJsonAsync($"/api/organizations/{org.Id}/policies/8", new { enabled = true, data = new { autoEnrollEnabled = false } });
        await ApiClient.ReadOkOrEmptyAsync(await member.Client.PutAsync(url, new { resetPasswordKey = (string?)null }));
        var list = await owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/users");
        Assert.False(list["data"]!.AsArray().Single(m => m!["userId"]?.GetValue<string>() == member.Id.ToString())!["resetPasswordEnrolled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Reset_Authorization_RolesRanksStrangersAndSelf()
    {
        var roles = await api.CreateRolesAsync(new MemberPermissions { ManageResetPassword = true }, new MemberPermissions { ManageUsers = true });
        var org = roles.Org;
        await org.EnableRecoveryPolicyAsync();
        async Task<Guid> Enrolled(TestUser user)
        {
            await ApiClient.ReadOkOrEmptyAsync(await org.EnrollAsync(user));
            var list = await org.Owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/users");
            return Guid.Parse(list["data"]!.AsArray().Single(m => m!["userId"]?.GetValue<string>() == user.Id.ToString())!["id"]!.GetValue<string>());
        }
        var userId = await Enrolled(roles.User);
        var adminId = await Enrolled(roles.Admin);
        var ownerId = await Enrolled(roles.Owner);
        var anonymous = api.CreateApiClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/organizations/{org.Id}/users/{userId}/reset-password-details")).StatusCode);
        foreach (var denied in roles.Denied)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await denied.Client.GetAsync($"/api/organizations/{org.Id}/users/{userId}/reset-password-details")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await denied.Client.PutAsync($"/api/organizations/{org.Id}/users/{userId}/reset-password",
                new { newMasterPasswordHash = "x", key = roles.User.Account.ProtectedUserKey })).StatusCode);
        }
        // A member of another org cannot name this org's member through their own org either.
        Assert.Equal(HttpStatusCode.NotFound, (await roles.Stranger.Client.GetAsync($"/api/organizations/{roles.StrangersOrg.Id}/users/{userId}/reset-password-details")).StatusCode);

        // Custom with the permission: plain users yes, admins and owners no.
        await ApiClient.ReadErrorAsync(await roles.CustomWith.Client.GetAsync($"/api/organizations/{org.Id}/users/{adminId}/reset-password-details"), HttpStatusCode.BadRequest);
        var (custom, _) = await roles.CustomWith.Client.ResetAsync(org.Key, org.Id, userId, roles.User.Account, NewPassword);
        await ApiClient.ReadOkOrEmptyAsync(custom);
        // Admin: another admin is the same rank; an owner is above.
        await ApiClient.ReadErrorAsync(await roles.Admin.Client.GetAsync($"/api/organizations/{org.Id}/users/{ownerId}/reset-password-details"), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await roles.Admin.Client.GetAsync($"/api/organizations/{org.Id}/users/{adminId}/reset-password-details"), HttpStatusCode.BadRequest); // self
        var otherAdmin = await api.LoginNewUserAsync();
        await api.AddConfirmedMemberAsync(org, otherAdmin, OrganizationUserType.Admin);
        var otherAdminId = await Enrolled(otherAdmin);
        var (byAdmin, _) = await roles.Admin.Client.ResetAsync(org.Key, org.Id, otherAdminId, otherAdmin.Account, NewPassword);
        await ApiClient.ReadOkOrEmptyAsync(byAdmin);
        var (byOwner, _) = await roles.Owner.Client.ResetAsync(org.Key, org.Id, adminId, roles.Admin.Account, NewPassword);
        await ApiClient.ReadOkOrEmptyAsync(byOwner);
        // Not enrolled, or bad input: 400, nothing written.
        var plain = await api.LoginNewUserAsync();
        var plainId = await api.AddConfirmedMemberAsync(org, plain);
        await ApiClient.ReadErrorAsync(await roles.Owner.Client.GetAsync($"/api/organizations/{org.Id}/users/{plainId}/reset-password-details"), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await roles.Owner.Client.PutAsync($"/api/organizations/{org.Id}/users/{userId}/reset-password",
            new { newMasterPasswordHash = "x", key = "not-an-encstring" }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task BulkDetails_SameAccessAsTheSingleRoute_LeavesOutWhomItWouldRefuse()
    {
        var roles = await api.CreateRolesAsync(new MemberPermissions { ManageResetPassword = true }, new MemberPermissions { ManageUsers = true });
        var org = roles.Org;
        var url = $"/api/organizations/{org.Id}/users/account-recovery-details";
        var plainId = await api.AddConfirmedMemberAsync(org, await api.LoginNewUserAsync());
        Assert.Empty((await roles.Owner.Client.PostJsonAsync(url, new { ids = new[] { roles.UserMemberId } }))["data"]!.AsArray());   // policy off
        await org.EnableRecoveryPolicyAsync();
        async Task<Guid> Enrolled(TestUser user)
        {
            await ApiClient.ReadOkOrEmptyAsync(await org.EnrollAsync(user));
            var list = await org.Owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/users");
            return Guid.Parse(list["data"]!.AsArray().Single(m => m!["userId"]?.GetValue<string>() == user.Id.ToString())!["id"]!.GetValue<string>());
        }
        var (userId, adminId, ownerId) = (await Enrolled(roles.User), await Enrolled(roles.Admin), await Enrolled(roles.Owner));
        var all = new { ids = new[] { userId, adminId, ownerId, plainId, Guid.NewGuid() } };
        async Task<List<Guid>> Answered(TestUser caller, Guid organizationId) =>
            [.. (await caller.Client.PostJsonAsync($"/api/organizations/{organizationId}/users/account-recovery-details", all))["data"]!.AsArray()
                .Select(d => Guid.Parse(d!["organizationUserId"]!.GetValue<string>())).Order()];

        // The owner: everyone enrolled but themself; the admin: below their rank only; custom with the permission: plain users.
        Assert.Equal(new[] { userId, adminId }.Order(), await Answered(roles.Owner, org.Id));
        Assert.Equal([userId], await Answered(roles.Admin, org.Id));
        Assert.Equal([userId], await Answered(roles.CustomWith, org.Id));
        Assert.Empty(await Answered(roles.Stranger, roles.StrangersOrg.Id));
        var list = await roles.Owner.Client.PostJsonAsync(url, new { ids = new[] { userId } });
        Assert.Equal("list", list["object"]!.GetValue<string>());
        var single = await roles.Owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/users/{userId}/reset-password-details");
        Assert.Equal(single.ToJsonString(), list["data"]![0]!.ToJsonString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().PostAsync(url, all)).StatusCode);
        foreach (var denied in roles.Denied)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await denied.Client.PostAsync(url, all)).StatusCode);
        }
        await ApiClient.ReadErrorAsync(await roles.Owner.Client.PostAsync(url, new { }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await roles.Owner.Client.PostAsync(url, new { ids = Enumerable.Range(0, 501).Select(_ => Guid.NewGuid()) }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Reset_ByProviderServiceUser_OfClient_LoggedForProvider_OtherProviderDenied()
    {
        var providerOwner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(providerOwner);
        var technician = await api.LoginNewUserAsync();
        await api.AddProviderUserAsync(provider, technician, type: 1);
        var clientOwner = await api.LoginNewUserAsync();
        var client = await provider.CreateClientAsync(providerOwner, $"Client {Guid.NewGuid():N}", clientOwner.Email);
        await client.EnableRecoveryPolicyAsync();
        var member = await api.LoginNewUserAsync();
        var memberId = await api.AddConfirmedMemberAsync(client, member);
        await ApiClient.ReadOkOrEmptyAsync(await client.EnrollAsync(member));
        var otherOwner = await api.LoginNewUserAsync();
        await api.CreateProviderAsync(otherOwner, "Other MSP");
        Assert.Equal(HttpStatusCode.NotFound, (await otherOwner.Client.GetAsync($"/api/organizations/{client.Id}/users/{memberId}/reset-password-details")).StatusCode);

        var technicianKey = TestProviders.ClientOrgKeyFromProfile(technician, await technician.Client.GetJsonAsync("/api/accounts/profile"), client.Id);
        var (response, newAccount) = await technician.Client.ResetAsync(technicianKey, client.Id, memberId, member.Account, NewPassword);
        await ApiClient.ReadOkOrEmptyAsync(response);
        Assert.True((await api.PasswordLoginAsync(newAccount))["ForcePasswordReset"]!.GetValue<bool>());
        var providerEvents = await providerOwner.Client.GetJsonAsync($"/api/providers/{provider.Id}/events");
        Assert.Contains(providerEvents["data"]!.AsArray(), e => e!["type"]!.GetValue<int>() == 1508);
        var clientEvents = await providerOwner.Client.GetJsonAsync($"/api/organizations/{client.Id}/events");
        Assert.Contains(clientEvents["data"]!.AsArray(), e => e!["type"]!.GetValue<int>() == 1508 && e["actingUserId"]!.GetValue<string>() == technician.Id.ToString());
    }
}
