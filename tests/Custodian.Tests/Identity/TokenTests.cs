using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Custodian.Server.Features.Accounts;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Security;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Custodian.Tests.Identity;

public sealed class TokenTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string Token = "/identity/connect/token";

    [Fact]
    public async Task PasswordGrant_ValidCredentials_ReturnsEverythingTheCliReads()
    {
        var account = await api.RegisterAsync();

        var token = await api.PasswordLoginAsync(account);

        Assert.Equal("Bearer", token["token_type"]!.GetValue<string>());
        Assert.Equal(3600, token["expires_in"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(token["refresh_token"]!.GetValue<string>()));
        Assert.Equal(account.ProtectedUserKey, token["Key"]!.GetValue<string>());
        Assert.Equal(account.EncryptedPrivateKey, token["PrivateKey"]!.GetValue<string>());
        var pair = token["AccountKeys"]!["publicKeyEncryptionKeyPair"]!;
        Assert.Equal(account.EncryptedPrivateKey, pair["wrappedPrivateKey"]!.GetValue<string>());
        Assert.Equal(account.PublicKey, pair["publicKey"]!.GetValue<string>());
        Assert.Null(token["AccountKeys"]!["signatureKeyPair"]);
        Assert.Null(token["AccountKeys"]!["securityState"]);
        Assert.Equal(0, token["Kdf"]!.GetValue<int>());
        Assert.Equal(account.Kdf.Iterations, token["KdfIterations"]!.GetValue<int>());
        var unlock = token["UserDecryptionOptions"]!["MasterPasswordUnlock"]!;
        Assert.True(token["UserDecryptionOptions"]!["HasMasterPassword"]!.GetValue<bool>());
        Assert.Equal(account.Email, unlock["Salt"]!.GetValue<string>());
        Assert.Equal(account.ProtectedUserKey, unlock["MasterKeyEncryptedUserKey"]!.GetValue<string>());
        Assert.Equal(0, unlock["Kdf"]!["KdfType"]!.GetValue<int>());
        Assert.Equal(account.Kdf.Iterations, unlock["Kdf"]!["Iterations"]!.GetValue<int>());
        // The protected user key decrypts to the user key: the server handed back exactly what the client made.
        var stretched = ClientCrypto.StretchMasterKey(account.MasterKey);
        Assert.Equal(account.UserKey.ToBytes(), ClientCrypto.DecryptEncString(token["Key"]!.GetValue<string>(), stretched));
    }

    [Fact]
    public async Task PasswordGrant_AccessToken_CarriesTheClaimsClientsDecode()
    {
        var account = await api.RegisterAsync();

        var token = await api.PasswordLoginAsync(account);

        var jwt = new JsonWebToken(token["access_token"]!.GetValue<string>());
        var profile = await LoggedIn(token).GetJsonAsync("/api/accounts/profile");
        Assert.Equal(profile["id"]!.GetValue<string>(), jwt.Subject);
        Assert.Equal(account.Email, jwt.GetClaim("email").Value);
        Assert.Equal("cli", jwt.GetClaim("client_id").Value);
        Assert.InRange(jwt.ValidTo, DateTime.UtcNow.AddMinutes(55), DateTime.UtcNow.AddMinutes(61));
    }

    [Fact]
    public async Task PasswordGrant_EmailTypedWithCapitals_LogsIn()
    {
        var account = await api.RegisterAsync();
        var form = TestAccounts.PasswordForm(account);
        form["username"] = "  " + account.Email.ToUpperInvariant() + " ";

        await ApiClient.ReadOkAsync(await api.CreateApiClient().PostFormAsync(Token, form));
    }

    [Fact]
    public async Task PasswordGrant_WrongPassword_ReturnsBitwardenInvalidGrant()
    {
        var account = await api.RegisterAsync();

        var response = await api.CreateApiClient().PostFormAsync(Token, TestAccounts.PasswordForm(account, password: "d3Jvbmc="));

        var body = await ReadTokenErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant");
        Assert.Equal("invalid_username_or_password", body["error_description"]!.GetValue<string>());
        Assert.Equal("Username or password is incorrect. Try again.", body["ErrorModel"]!["Message"]!.GetValue<string>());
    }

    [Fact]
    public async Task PasswordGrant_UnknownUser_AnswersExactlyLikeAWrongPassword()
    {
        var account = ClientAccount.CreateFast(TestAccounts.NewEmail(), "pw");

        var response = await api.CreateApiClient().PostFormAsync(Token, TestAccounts.PasswordForm(account));

        var body = await ReadTokenErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant");
        Assert.Equal("Username or password is incorrect. Try again.", body["ErrorModel"]!["Message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("grant_type", "", "invalid_request")]
    [InlineData("grant_type", "authorization_code", "unsupported_grant_type")]
    [InlineData("username", "", "invalid_request")]
    [InlineData("password", "", "invalid_request")]
    [InlineData("scope", "offline_access", "invalid_scope")]
    public async Task PasswordGrant_BadForm_Returns400WithOAuthError(string field, string value, string error)
    {
        var form = TestAccounts.PasswordForm(await api.RegisterAsync());
        form[field] = value;

        await ReadTokenErrorAsync(await api.CreateApiClient().PostFormAsync(Token, form), HttpStatusCode.BadRequest, error);
    }

    [Fact]
    public async Task Token_JsonInsteadOfForm_Returns400()
    {
        var response = await api.CreateApiClient().PostAsync(Token, new { grant_type = "password" });

        await ReadTokenErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task PasswordGrant_RegistersTheDevice()
    {
        var account = await api.RegisterAsync();
        var deviceId = Guid.NewGuid().ToString();

        await api.PasswordLoginAsync(account, deviceId);
        await api.PasswordLoginAsync(account, deviceId);

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var devices = await db.Devices.Where(d => d.Identifier == deviceId).ToListAsync(TestContext.Current.CancellationToken);
        var device = Assert.Single(devices);
        Assert.Equal(25, device.Type);
        Assert.Equal("linux", device.Name);
    }

    [Fact]
    public async Task RefreshGrant_ValidToken_IssuesAWorkingAccessToken()
    {
        var token = await api.PasswordLoginAsync(await api.RegisterAsync());
        var refresh = token["refresh_token"]!.GetValue<string>();

        var refreshed = await ApiClient.ReadOkAsync(await api.CreateApiClient().PostFormAsync(Token, RefreshForm(refresh)));

        Assert.NotEqual(refresh, refreshed["refresh_token"]!.GetValue<string>());   // rotated (RefreshRotationTests)
        Assert.Equal(token["Key"]!.GetValue<string>(), refreshed["Key"]!.GetValue<string>());
        await LoggedIn(refreshed).GetJsonAsync("/api/sync?excludeDomains=true");
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("")]
    public async Task RefreshGrant_UnknownToken_ReturnsInvalidGrant(string refresh)
    {
        var response = await api.CreateApiClient().PostFormAsync(Token, RefreshForm(refresh));

        await ReadTokenErrorAsync(response, HttpStatusCode.BadRequest, refresh.Length == 0 ? "invalid_request" : "invalid_grant");
    }

    [Fact]
    public async Task RefreshGrant_ExpiredToken_ReturnsInvalidGrant()
    {
        var token = await api.PasswordLoginAsync(await api.RegisterAsync());
        var refresh = token["refresh_token"]!.GetValue<string>();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var hash = Custodian.Server.Features.Identity.TokenService.HashRefreshToken(refresh);
            await db.RefreshTokens.Where(t => t.TokenHash == hash)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpirationDate, DateTime.UtcNow.AddSeconds(-1)), TestContext.Current.CancellationToken);
        }

        await ReadTokenErrorAsync(await api.CreateApiClient().PostFormAsync(Token, RefreshForm(refresh)), HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task AccessToken_Expired_Returns401()
    {
        var user = await api.LoginNewUserAsync();
        var expired = MintToken(user, DateTime.UtcNow.AddMinutes(-10), DateTime.UtcNow.AddMinutes(-1), user.Account.Email);

        var client = api.CreateApiClient();
        client.UseToken(expired);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/accounts/profile")).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("another-service")]
    public async Task AccessToken_WithoutOurAudience_Returns401(string? audience)
    {
        var user = await api.LoginNewUserAsync();
        var minted = MintToken(user, DateTime.UtcNow, DateTime.UtcNow.AddHours(1), user.Account.Email, audience: audience);
        var client = api.CreateApiClient();
        client.UseToken(minted);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/accounts/profile")).StatusCode);
        client.UseToken(MintToken(user, DateTime.UtcNow, DateTime.UtcNow.AddHours(1), user.Account.Email));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/accounts/profile")).StatusCode);
        Assert.Equal(TokenClaims.Audience, new JsonWebToken(user.AccessToken).Audiences.Single());
    }

    [Fact]
    public async Task AccessToken_SignedWithAnotherKey_Returns401()
    {
        var user = await api.LoginNewUserAsync();
        var forged = MintToken(user, DateTime.UtcNow, DateTime.UtcNow.AddHours(1), user.Account.Email,
            new SymmetricSecurityKey(new byte[64]));

        var client = api.CreateApiClient();
        client.UseToken(forged);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/accounts/profile")).StatusCode);
    }

    [Fact]
    public async Task ClientCredentials_PersonalApiKey_IssuesTokenWithoutRefresh()
    {
        var user = await api.LoginNewUserAsync();
        var secret = await user.ApiKeyAsync();

        var token = await ApiClient.ReadOkAsync(await api.CreateApiClient().PostFormAsync(Token, ApiKeyForm(user.Id, secret)));

        Assert.Null(token["refresh_token"]);
        Assert.Equal(user.Account.ProtectedUserKey, token["Key"]!.GetValue<string>());
        Assert.Equal("api", token["scope"]!.GetValue<string>());
        await LoggedIn(token).GetJsonAsync("/api/accounts/profile");
    }

    [Theory]
    [InlineData("wrong-secret", null)]
    [InlineData(null, "organization.00000000-0000-0000-0000-000000000000")]
    [InlineData(null, "user.not-a-guid")]
    public async Task ClientCredentials_WrongSecretOrClient_ReturnsInvalidClient(string? secret, string? clientId)
    {
        var user = await api.LoginNewUserAsync();
        var form = ApiKeyForm(user.Id, secret ?? await user.ApiKeyAsync());
        if (clientId is not null)
        {
            form["client_id"] = clientId;
        }

        await ReadTokenErrorAsync(await api.CreateApiClient().PostFormAsync(Token, form), HttpStatusCode.BadRequest, "invalid_client");
    }

    [Fact]
    public async Task ClientCredentials_ScopeBeyondApi_ReturnsInvalidScope()
    {
        var user = await api.LoginNewUserAsync();
        var form = ApiKeyForm(user.Id, await user.ApiKeyAsync());
        form["scope"] = "api offline_access";

        await ReadTokenErrorAsync(await api.CreateApiClient().PostFormAsync(Token, form), HttpStatusCode.BadRequest, "invalid_scope");
    }

    ApiClient LoggedIn(JsonObject token)
    {
        var client = api.CreateApiClient();
        client.UseToken(token["access_token"]!.GetValue<string>());
        return client;
    }

    internal string MintToken(TestUser user, DateTime notBefore, DateTime expires, string email, SecurityKey? key = null,
        string? audience = TokenClaims.Audience)
    {
        var stamp = new JsonWebToken(user.AccessToken).GetClaim("sstamp").Value;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenClaims.Issuer,
            Audience = audience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            Claims = new Dictionary<string, object> { ["sub"] = user.Id.ToString(), ["email"] = email, ["sstamp"] = stamp, [TokenClaims.Scope] = new[] { "api", "offline_access" } },
            SigningCredentials = new SigningCredentials(key ?? api.Services.GetRequiredService<SigningKeyStore>().Key, SecurityAlgorithms.HmacSha256),
        });
    }

    internal static Dictionary<string, string> RefreshForm(string refresh) =>
        new() { ["grant_type"] = "refresh_token", ["client_id"] = "cli", ["refresh_token"] = refresh };

    internal static Dictionary<string, string> ApiKeyForm(Guid userId, string secret) => new()
    {
        ["scope"] = "api",
        ["client_id"] = $"user.{userId}",
        ["client_secret"] = secret,
        ["deviceType"] = "25",
        ["deviceIdentifier"] = Guid.NewGuid().ToString(),
        ["deviceName"] = "linux",
        ["grant_type"] = "client_credentials",
    };

    internal static async Task<JsonObject> ReadTokenErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(error, body["error"]!.GetValue<string>());
        Assert.Equal("error", body["ErrorModel"]!["Object"]!.GetValue<string>());
        return body;
    }
}
