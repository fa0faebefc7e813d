using System.Net;
using Custodian.Tests.Identity;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Support;

namespace Custodian.Tests.Accounts;

public sealed class MasterPasswordTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static object Verify(string hash) => new { masterPasswordHash = hash };

    [Fact]
    public async Task VerifyPassword_RightAndWrong()
    {
        var user = await api.LoginNewUserAsync();

        Assert.Equal(HttpStatusCode.OK, (await user.Client.PostAsync("/api/accounts/verify-password", Verify(user.Account.MasterPasswordHash))).StatusCode);
        var error = await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/accounts/verify-password", Verify("wrong")), HttpStatusCode.BadRequest);
        Assert.Equal("Invalid password.", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ChangePassword_NewPasswordWorks_OldLoginAndSessionsAreRevoked()
    {
        var user = await api.LoginNewUserAsync();
        var changed = user.Account.WithNewPassword("a brand new password");

        Assert.Equal(HttpStatusCode.OK, (await user.Client.PostAsync("/api/accounts/password", new
        {
            masterPasswordHash = user.Account.MasterPasswordHash,
            newMasterPasswordHash = changed.MasterPasswordHash,
            masterPasswordHint = "new hint",
            key = changed.ProtectedUserKey,
        })).StatusCode);

        await TokenTests.ReadTokenErrorAsync(await api.CreateApiClient().PostFormAsync("/identity/connect/token",
            TestAccounts.PasswordForm(user.Account)), HttpStatusCode.BadRequest, "invalid_grant");
        await TokenTests.ReadTokenErrorAsync(await api.CreateApiClient().PostFormAsync("/identity/connect/token",
            TokenTests.RefreshForm(user.RefreshToken!)), HttpStatusCode.BadRequest, "invalid_grant");
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Client.GetAsync("/api/accounts/profile")).StatusCode);
        var token = await api.PasswordLoginAsync(changed);
        var stretched = ClientCrypto.StretchMasterKey(changed.MasterKey);
        Assert.Equal(user.Account.UserKey.ToBytes(), ClientCrypto.DecryptEncString(token["Key"]!.GetValue<string>(), stretched));
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_Returns400AndChangesNothing()
    {
        var user = await api.LoginNewUserAsync();
        var changed = user.Account.WithNewPassword("other");

        var error = await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/accounts/password", new
        {
            masterPasswordHash = "wrong", newMasterPasswordHash = changed.MasterPasswordHash, key = changed.ProtectedUserKey,
        }), HttpStatusCode.BadRequest);

        Assert.NotNull(error["validationErrors"]!["MasterPasswordHash"]);
        await api.PasswordLoginAsync(user.Account);
    }

    [Fact]
    public async Task ChangePassword_MalformedKey_Returns400()
    {
        var user = await api.LoginNewUserAsync();

        var error = await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/accounts/password", new
        {
            masterPasswordHash = user.Account.MasterPasswordHash, newMasterPasswordHash = "x", key = "not encrypted",
        }), HttpStatusCode.BadRequest);

        Assert.NotNull(error["validationErrors"]!["Key"]);
    }

    [Fact]
    public async Task ChangeKdf_GroupedForm_PreloginReportsArgon2AndNewPasswordWorks()
    {
        var user = await api.LoginNewUserAsync();
        var argon = new KdfSettings(KdfType.Argon2id, 2, 16, 1);
        var changed = user.Account.WithNewPassword(user.Account.Password, argon);
        var kdf = new { kdfType = 1, iterations = 2, memory = 16, parallelism = 1 };
        var salt = user.Email.ToLowerInvariant();

        Assert.Equal(HttpStatusCode.OK, (await user.Client.PostAsync("/api/accounts/kdf", new
        {
            masterPasswordHash = user.Account.MasterPasswordHash,
            authenticationData = new { kdf, masterPasswordAuthenticationHash = changed.MasterPasswordHash, salt },
            unlockData = new { kdf, masterKeyWrappedUserKey = changed.ProtectedUserKey, salt },
        })).StatusCode);

        var prelogin = await api.CreateApiClient().PostJsonAsync("/identity/accounts/prelogin/password", new { email = user.Email });
        Assert.Equal(1, prelogin["kdf"]!.GetValue<int>());
        Assert.Equal(16, prelogin["kdfMemory"]!.GetValue<int>());
        await api.PasswordLoginAsync(changed);
    }

    [Fact]
    public async Task ChangeKdf_LegacyForm_Works()
    {
        var user = await api.LoginNewUserAsync();
        var changed = user.Account.WithNewPassword(user.Account.Password, new KdfSettings(KdfType.Pbkdf2Sha256, 6000));

        Assert.Equal(HttpStatusCode.OK, (await user.Client.PostAsync("/api/accounts/kdf", new
        {
            masterPasswordHash = user.Account.MasterPasswordHash, kdf = 0, kdfIterations = 6000,
            newMasterPasswordHash = changed.MasterPasswordHash, key = changed.ProtectedUserKey,
        })).StatusCode);

        await api.PasswordLoginAsync(changed);
    }

    [Fact]
    public async Task ChangeKdf_BadSettingsOrWrongSalt_Returns400()
    {
        var user = await api.LoginNewUserAsync();
        var changed = user.Account.WithNewPassword(user.Account.Password, new KdfSettings(KdfType.Pbkdf2Sha256, 6000));
        var weak = new { kdfType = 1, iterations = 1, memory = 16, parallelism = 1 };

        await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/accounts/kdf", new
        {
            masterPasswordHash = user.Account.MasterPasswordHash,
            authenticationData = new { kdf = weak, masterPasswordAuthenticationHash = changed.MasterPasswordHash, salt = user.Email.ToLowerInvariant() },
            unlockData = new { kdf = weak, masterKeyWrappedUserKey = changed.ProtectedUserKey, salt = user.Email.ToLowerInvariant() },
        }), HttpStatusCode.BadRequest);
        var kdf = new { kdfType = 0, iterations = 6000 };
        await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/accounts/kdf", new
        {
            masterPasswordHash = user.Account.MasterPasswordHash,
            authenticationData = new { kdf, masterPasswordAuthenticationHash = changed.MasterPasswordHash, salt = "someone@else.com" },
            unlockData = new { kdf, masterKeyWrappedUserKey = changed.ProtectedUserKey, salt = "someone@else.com" },
        }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/accounts/kdf", Verify(user.Account.MasterPasswordHash)), HttpStatusCode.BadRequest);
        await api.PasswordLoginAsync(user.Account);
    }

    [Fact]
    public async Task SecurityStamp_LogsOutEverywhere()
    {
        var user = await api.LoginNewUserAsync();

        await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/accounts/security-stamp", Verify("wrong")), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.PostAsync("/api/accounts/security-stamp", Verify(user.Account.MasterPasswordHash))).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Client.GetAsync("/api/accounts/profile")).StatusCode);
        await TokenTests.ReadTokenErrorAsync(await api.CreateApiClient().PostFormAsync("/identity/connect/token",
            TokenTests.RefreshForm(user.RefreshToken!)), HttpStatusCode.BadRequest, "invalid_grant");
        await api.PasswordLoginAsync(user.Account);
    }

    [Fact]
    public async Task ApiKey_ReadRotate_OldSecretStopsWorking()
    {
        var user = await api.LoginNewUserAsync();

        var key = await user.Client.PostJsonAsync("/api/accounts/api-key", Verify(user.Account.MasterPasswordHash));
        var secret = key["apiKey"]!.GetValue<string>();
        await api.CreateApiClient().PostFormAsync("/identity/connect/token", TokenTests.ApiKeyForm(user.Id, secret));
        var rotated = await user.Client.PostJsonAsync("/api/accounts/rotate-api-key", Verify(user.Account.MasterPasswordHash));

        Assert.Equal("apiKey", key["object"]!.GetValue<string>());
        Assert.NotEqual(secret, rotated["apiKey"]!.GetValue<string>());
        await TokenTests.ReadTokenErrorAsync(await api.CreateApiClient().PostFormAsync("/identity/connect/token",
            TokenTests.ApiKeyForm(user.Id, secret)), HttpStatusCode.BadRequest, "invalid_client");
        await ApiClient.ReadOkAsync(await api.CreateApiClient().PostFormAsync("/identity/connect/token",
            TokenTests.ApiKeyForm(user.Id, rotated["apiKey"]!.GetValue<string>())));
        await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/accounts/api-key", Verify("wrong")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DeleteAccount_WithPassword_RemovesEverything()
    {
        var user = await api.LoginNewUserAsync();

        await ApiClient.ReadErrorAsync(await user.Client.DeleteAsync("/api/accounts", Verify("wrong")), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.DeleteAsync("/api/accounts", Verify(user.Account.MasterPasswordHash))).StatusCode);

        await TokenTests.ReadTokenErrorAsync(await api.CreateApiClient().PostFormAsync("/identity/connect/token",
            TestAccounts.PasswordForm(user.Account)), HttpStatusCode.BadRequest, "invalid_grant");
        var prelogin = await api.CreateApiClient().PostJsonAsync("/identity/accounts/prelogin/password", new { email = user.Email });
        Assert.Equal(600000, prelogin["kdfIterations"]!.GetValue<int>());
        // The email is free again.
        await api.RegisterAsync(user.Email);
    }

    [Fact]
    public async Task DeleteAccount_PostAlias_SoleOrgOwner_Returns400()
    {
        var user = await api.LoginNewUserAsync();
        await user.CreateOrganizationAsync();

        var error = await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/accounts/delete", Verify(user.Account.MasterPasswordHash)),
            HttpStatusCode.BadRequest);

        Assert.Contains("sole owner", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
