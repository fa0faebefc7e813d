using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Compat;

/// <summary>
/// Account recovery end to end with the official CLI as the member's client. The reset is made with the Admin
/// Console's crypto (<see cref="TestRecovery.ResetAsync"/>, the same steps the web UI's "Recover account" runs in the
/// browser, which web/e2e covers on its own).
/// </summary>
[Collection(CompatCollection.Name)]
public sealed class CliAccountRecoveryTests(CompatServer server) : IClassFixture<CompatServer>
{
    [Fact]
    public async Task AfterAdminReset_CliRefusesTempPassword_ThenLogsInWithMembersNewPassword_AndDecryptsOldItems()
    {
        var owner = await server.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        await org.EnableRecoveryPolicyAsync();
        var member = await server.LoginNewUserAsync();
        var memberId = await server.AddConfirmedMemberAsync(org, member);
        await ApiClient.ReadOkOrEmptyAsync(await org.EnrollAsync(member));
        await member.Client.PostJsonAsync("/api/ciphers", new
        {
            type = 1, name = member.Account.Encrypt("Bank login"), login = new { username = member.Account.Encrypt("me"), password = member.Account.Encrypt("s3cret") },
        });

        var (reset, temporary) = await owner.Client.ResetAsync(org.Key, org.Id, memberId, member.Account, "temporary password from the helpdesk");
        await ApiClient.ReadOkOrEmptyAsync(reset);

        using var bw = new BwCli(server);
        (await bw.ConfigServerAsync()).EnsureSuccess("config server");
        Assert.NotEqual(0, (await bw.LoginAsync(member.Email, member.Account.Password)).ExitCode);
        // The CLI reads ForcePasswordReset from the token response and sends the member to the web vault.
        var refused = await bw.LoginAsync(member.Email, temporary.Password);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("An organization administrator recently changed your master password", refused.Stdout + refused.Stderr, StringComparison.Ordinal);

        // What the web vault's "update master password" screen sends after the member logs in there.
        var inWeb = await server.LoginAsync(temporary);
        var chosen = temporary.WithNewPassword("the member's own new master password");
        await ApiClient.ReadOkOrEmptyAsync(await inWeb.Client.PutAsync("/api/accounts/update-temp-password",
            new { newMasterPasswordHash = chosen.MasterPasswordHash, key = chosen.ProtectedUserKey, masterPasswordHint = (string?)null }));

        (await bw.LoginAsync(member.Email, chosen.Password)).EnsureSuccess("login with the new password");
        var items = (await bw.RunAsync("list", "items")).EnsureSuccess("list items").Json().AsArray();
        var item = Assert.Single(items);
        Assert.Equal("Bank login", item!["name"]!.GetValue<string>());
        Assert.Equal("s3cret", item["login"]!["password"]!.GetValue<string>());
    }
}
