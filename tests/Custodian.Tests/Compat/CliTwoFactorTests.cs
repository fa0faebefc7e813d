using System.Text.Json.Nodes;
using Custodian.Server.Features.TwoFactor;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Compat;

/// <summary>The official CLI against an account with the authenticator on.</summary>
[Collection(CompatCollection.Name)]
public sealed class CliTwoFactorTests(CompatServer server) : IClassFixture<CompatServer>
{
    [Fact]
    public async Task Login_WithoutCode_FailsWithCodeIsRequired_WithMethodAndCode_Succeeds()
    {
        var user = await server.LoginNewUserAsync();
        var key = await user.EnableAuthenticatorAsync();
        using var bw = new BwCli(server);
        (await bw.ConfigServerAsync()).EnsureSuccess("config server");

        var refused = await bw.LoginAsync(user.Email, user.Account.Password);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("Code is required.", refused.Stdout + refused.Stderr, StringComparison.Ordinal);

        (await bw.LoginAsync(user.Email, user.Account.Password, "--method", "0", "--code", TestTwoFactor.Code(key))).EnsureSuccess("login --method 0 --code");
        Assert.Equal("unlocked", (await bw.StatusAsync())["status"]!.GetValue<string>());
        (await bw.RunAsync("sync")).EnsureSuccess("sync");
    }

    /// <summary>
    /// The CLI never asks for "remember me" itself (it sends <c>twoFactorRemember=0</c>), but it sends a stored
    /// remember token (type 5) on its next login. The token is fetched the way the web vault would, for the CLI's
    /// own device id, and put where the CLI keeps it.
    /// </summary>
    [Fact]
    public async Task Login_WithStoredRememberToken_NeedsNoCode()
    {
        var user = await server.LoginNewUserAsync();
        var key = await user.EnableAuthenticatorAsync();
        using var bw = new BwCli(server);
        (await bw.ConfigServerAsync()).EnsureSuccess("config server");
        (await bw.LoginAsync(user.Email, user.Account.Password, "--method", "0", "--code", TestTwoFactor.Code(key))).EnsureSuccess("login");
        (await bw.RunAsync("logout")).EnsureSuccess("logout");
        bw.Session = null;

        var state = JsonNode.Parse(await File.ReadAllTextAsync(bw.DataFile, TestContext.Current.CancellationToken))!.AsObject();
        var appId = state["global_applicationId_appId"]!.GetValue<string>();
        var (status, token) = await server.TokenAsync(TestAccounts.PasswordForm(user.Account, appId)
            .WithCode(TwoFactorProviderType.Authenticator, TestTwoFactor.Code(key, 1), remember: true));
        Assert.Equal(200, status);
        state["global_tokenDiskLocal_emailTwoFactorTokenRecord"] = new JsonObject { [user.Email] = token["TwoFactorToken"]!.GetValue<string>() };
        await File.WriteAllTextAsync(bw.DataFile, state.ToJsonString(), TestContext.Current.CancellationToken);

        (await bw.LoginAsync(user.Email, user.Account.Password)).EnsureSuccess("login with the remembered device");
        Assert.Equal("unlocked", (await bw.StatusAsync())["status"]!.GetValue<string>());
    }
}
