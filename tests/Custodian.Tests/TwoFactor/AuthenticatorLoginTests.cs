using System.Net;
using Custodian.Server.Features.TwoFactor;
using Custodian.Server.Infrastructure.Data;
using Custodian.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.TwoFactor;

public sealed class AuthenticatorLoginTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Login_WithAuthenticatorOn_AsksForCodeThenAcceptsItOnce()
    {
        var user = await api.LoginNewUserAsync();
        var key = await user.EnableAuthenticatorAsync();

        var (status, challenge) = await api.TokenAsync(TestAccounts.PasswordForm(user.Account));
        Assert.Equal(400, status);
        Assert.Equal("invalid_grant", challenge["error"]!.GetValue<string>());
        Assert.Equal("Two factor required.", challenge["error_description"]!.GetValue<string>());
        Assert.Equal(["0"], challenge["TwoFactorProviders"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.True(challenge["TwoFactorProviders2"]!.AsObject().ContainsKey("0"));
        Assert.Null(challenge["TwoFactorProviders2"]!["0"]);

        var (wrong, wrongBody) = await api.TokenAsync(TestAccounts.PasswordForm(user.Account).WithCode(TwoFactorProviderType.Authenticator, "000000"));
        Assert.Equal(400, wrong);
        Assert.Equal(TwoFactorGate.InvalidMessage, wrongBody["ErrorModel"]!["Message"]!.GetValue<string>());

        // The code that enabled the method (step -1) is spent already.
        var (replayedSetup, _) = await api.TokenAsync(TestAccounts.PasswordForm(user.Account).WithCode(TwoFactorProviderType.Authenticator, TestTwoFactor.Code(key, -1)));
        Assert.Equal(400, replayedSetup);

        var code = TestTwoFactor.Code(key, 1);
        var (ok, token) = await api.TokenAsync(TestAccounts.PasswordForm(user.Account).WithCode(TwoFactorProviderType.Authenticator, code));
        Assert.Equal(200, ok);
        Assert.NotNull(token["access_token"]);
        Assert.Null(token["TwoFactorToken"]);

        var (replayed, _) = await api.TokenAsync(TestAccounts.PasswordForm(user.Account).WithCode(TwoFactorProviderType.Authenticator, code));
        Assert.Equal(400, replayed);

        var profile = await user.Client.GetJsonAsync("/api/accounts/profile");
        Assert.True(profile["twoFactorEnabled"]!.GetValue<bool>());
        var list = await user.Client.GetJsonAsync("/api/two-factor");
        var provider = Assert.Single(list["data"]!.AsArray())!;
        Assert.Equal("twoFactorProvider", provider["object"]!.GetValue<string>());
        Assert.Equal(0, provider["type"]!.GetValue<int>());
        Assert.True(provider["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Remember_TokenWorksOnItsDeviceOnly_AndDisablingVoidsIt()
    {
        var user = await api.LoginNewUserAsync();
        var key = await user.EnableAuthenticatorAsync();
        var device = Guid.NewGuid().ToString();
        var (_, first) = await api.TokenAsync(TestAccounts.PasswordForm(user.Account, device).WithCode(TwoFactorProviderType.Authenticator, TestTwoFactor.Code(key), remember: true));
        var remember = first["TwoFactorToken"]!.GetValue<string>();

        var (again, _) = await api.TokenAsync(TestAccounts.PasswordForm(user.Account, device).WithCode(TwoFactorProviderType.Remember, remember));
        Assert.Equal(200, again);
        var (otherDevice, otherBody) = await api.TokenAsync(TestAccounts.PasswordForm(user.Account).WithCode(TwoFactorProviderType.Remember, remember));
        Assert.Equal(400, otherDevice);
        Assert.NotNull(otherBody["TwoFactorProviders2"]);   // an unusable remember token asks for a code again

        var setup = await user.Client.PostJsonAsync("/api/two-factor/get-authenticator", new { masterPasswordHash = user.Account.MasterPasswordHash });
        await ApiClient.ReadOkOrEmptyAsync(await user.Client.DeleteAsync("/api/two-factor/authenticator",
            new { userVerificationToken = setup["userVerificationToken"]!.GetValue<string>(), key }));
        await user.EnableAuthenticatorAsync();
        var (afterChange, _) = await api.TokenAsync(TestAccounts.PasswordForm(user.Account, device).WithCode(TwoFactorProviderType.Remember, remember));
        Assert.Equal(400, afterChange);
    }

    [Fact]
    public async Task RecoveryCode_AtLogin_TurnsTwoStepLoginOffAndLetsTheLoginThrough()
    {
        var user = await api.LoginNewUserAsync();
        await user.EnableAuthenticatorAsync();
        var code = await user.RecoveryCodeAsync();
        Assert.Matches("^[a-z0-9]{32}$", code);

        var (wrong, _) = await api.TokenAsync(TestAccounts.PasswordForm(user.Account).WithCode(TwoFactorProviderType.RecoveryCode, (code[0] == 'x' ? "y" : "x") + code[1..]));
        Assert.Equal(400, wrong);
        var (ok, _) = await api.TokenAsync(TestAccounts.PasswordForm(user.Account).WithCode(TwoFactorProviderType.RecoveryCode, code.ToUpperInvariant()));
        Assert.Equal(200, ok);

        var (plain, _) = await api.TokenAsync(TestAccounts.PasswordForm(user.Account));
        Assert.Equal(200, plain);
        Assert.Empty((await user.Client.GetJsonAsync("/api/two-factor"))["data"]!.AsArray());
        Assert.NotEqual(code, await user.RecoveryCodeAsync());
        await using var scope = api.Services.CreateAsyncScope();
        var types = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Events.Where(e => e.UserId == user.Id)
            .Select(e => (int)e.Type).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(1002, types);   // User_Updated2fa
        Assert.Contains(1006, types);   // User_FailedLogIn2fa
        Assert.Contains(1004, types);   // User_Recovered2fa
    }

    [Fact]
    public async Task ApiKeyLogin_IsNotAskedForASecondFactor()
    {
        var user = await api.LoginNewUserAsync();
        await user.EnableAuthenticatorAsync();
        var apiKey = await user.Client.PostJsonAsync("/api/accounts/api-key", new { masterPasswordHash = user.Account.MasterPasswordHash });
        var (status, _) = await api.TokenAsync(new()
        {
            ["grant_type"] = "client_credentials", ["scope"] = "api", ["client_id"] = $"user.{user.Id}",
            ["client_secret"] = apiKey["apiKey"]!.GetValue<string>(), ["deviceIdentifier"] = Guid.NewGuid().ToString(),
            ["deviceType"] = "25", ["deviceName"] = "linux",
        });
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task EnableAuthenticator_WrongCodeForeignTokenOrWrongPassword_400AndNothingSaved()
    {
        var (alice, bob) = (await api.LoginNewUserAsync(), await api.LoginNewUserAsync());
        var wrongPassword = await alice.Client.PostAsync("/api/two-factor/get-authenticator", new { masterPasswordHash = bob.Account.MasterPasswordHash });
        await ApiClient.ReadErrorAsync(wrongPassword, HttpStatusCode.BadRequest);

        var setup = await alice.Client.PostJsonAsync("/api/two-factor/get-authenticator", new { masterPasswordHash = alice.Account.MasterPasswordHash });
        var (key, token) = (setup["authenticator"]!["key"]!.GetValue<string>(), setup["userVerificationToken"]!.GetValue<string>());
        Assert.False(setup["authenticator"]!["enabled"]!.GetValue<bool>());
        Assert.Equal("twoFactorAuthenticator", setup["object"]!.GetValue<string>());

        var wrongCode = await ApiClient.ReadErrorAsync(await alice.Client.PutAsync("/api/two-factor/authenticator",
            new { token = "123456", key, userVerificationToken = token }), HttpStatusCode.BadRequest);
        Assert.Equal("Invalid token.", wrongCode["message"]!.GetValue<string>());
        // Bob cannot use Alice's verification token, nor Alice swap in another key.
        await ApiClient.ReadErrorAsync(await bob.Client.PutAsync("/api/two-factor/authenticator",
            new { token = TestTwoFactor.Code(key), key, userVerificationToken = token }), HttpStatusCode.BadRequest);
        var otherKey = Totp.NewKey();
        await ApiClient.ReadErrorAsync(await alice.Client.PutAsync("/api/two-factor/authenticator",
            new { token = TestTwoFactor.Code(otherKey), key = otherKey, userVerificationToken = token }), HttpStatusCode.BadRequest);
        var missing = await ApiClient.ReadErrorAsync(await alice.Client.PutAsync("/api/two-factor/authenticator", new { key }), HttpStatusCode.BadRequest);
        Assert.NotNull(missing["validationErrors"]);

        Assert.Empty((await alice.Client.GetJsonAsync("/api/two-factor"))["data"]!.AsArray());
        var (status, _) = await api.TokenAsync(TestAccounts.PasswordForm(alice.Account));
        Assert.Equal(200, status);
    }

    [Theory]
    [InlineData("GET", "/api/two-factor")]
    [InlineData("POST", "/api/two-factor/get-authenticator")]
    [InlineData("PUT", "/api/two-factor/authenticator")]
    [InlineData("DELETE", "/api/two-factor/authenticator")]
    [InlineData("POST", "/api/two-factor/get-recover")]
    [InlineData("POST", "/api/two-factor/get-email")]
    [InlineData("PUT", "/api/two-factor/email")]
    [InlineData("POST", "/api/two-factor/send-email")]
    [InlineData("POST", "/api/two-factor/get-webauthn")]
    [InlineData("POST", "/api/two-factor/get-webauthn-challenge")]
    [InlineData("PUT", "/api/two-factor/webauthn")]
    [InlineData("DELETE", "/api/two-factor/webauthn/all")]
    [InlineData("PUT", "/api/two-factor/disable")]
    public async Task ManagementRoutes_Anonymous_401(string method, string url)
    {
        var response = await api.CreateApiClient().Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        { Content = System.Net.Http.Json.JsonContent.Create(new { }) }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Disable_LegacyRoute_NeedsTheMasterPassword()
    {
        var user = await api.LoginNewUserAsync();
        await user.EnableAuthenticatorAsync();
        await ApiClient.ReadErrorAsync(await user.Client.PutAsync("/api/two-factor/disable", new { type = 0, masterPasswordHash = "wrong" }), HttpStatusCode.BadRequest);
        var off = await user.Client.PutJsonAsync("/api/two-factor/disable", new { type = 0, masterPasswordHash = user.Account.MasterPasswordHash });
        Assert.False(off["enabled"]!.GetValue<bool>());
        Assert.False((await user.Client.GetJsonAsync("/api/accounts/profile"))["twoFactorEnabled"]!.GetValue<bool>());
    }
}
