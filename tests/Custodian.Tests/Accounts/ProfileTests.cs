using System.Net;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Accounts;

public sealed class ProfileTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("PUT")]
    [InlineData("POST")]
    public async Task UpdateProfile_Owner_ChangesNameHintCulture(string method)
    {
        var user = await api.LoginNewUserAsync();
        var body = new { name = "Renamed", masterPasswordHint = "the usual", culture = "de-DE" };

        var profile = await ApiClient.ReadOkAsync(method == "PUT"
            ? await user.Client.PutAsync("/api/accounts/profile", body)
            : await user.Client.PostAsync("/api/accounts/profile", body));

        Assert.Equal("Renamed", profile["name"]!.GetValue<string>());
        Assert.Equal("the usual", profile["masterPasswordHint"]!.GetValue<string>());
        Assert.Equal("de-DE", profile["culture"]!.GetValue<string>());
        Assert.Equal("Renamed", (await user.Client.GetJsonAsync("/api/accounts/profile"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateProfile_TooLongName_Returns400()
    {
        var user = await api.LoginNewUserAsync();

        var error = await ApiClient.ReadErrorAsync(await user.Client.PutAsync("/api/accounts/profile", new { name = new string('x', 51) }),
            HttpStatusCode.BadRequest);

        Assert.NotNull(error["validationErrors"]!["Name"]);
    }

    [Fact]
    public async Task PublicKey_AnyUser_ReadsAnotherUsersKey_UnknownIs404()
    {
        var alice = await api.LoginNewUserAsync();
        var bob = await api.LoginNewUserAsync();

        var key = await bob.Client.GetJsonAsync($"/api/users/{alice.Id}/public-key");

        Assert.Equal("userKey", key["object"]!.GetValue<string>());
        Assert.Equal(alice.Id.ToString(), key["userId"]!.GetValue<string>());
        Assert.Equal(alice.Account.PublicKey, key["publicKey"]!.GetValue<string>());
        await ApiClient.ReadErrorAsync(await bob.Client.GetAsync($"/api/users/{Guid.NewGuid()}/public-key"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Keys_SamePairAgain_IsAccepted_DifferentPair_Returns400()
    {
        var user = await api.LoginNewUserAsync();

        var same = await user.Client.PostJsonAsync("/api/accounts/keys",
            new { publicKey = user.Account.PublicKey, encryptedPrivateKey = user.Account.EncryptedPrivateKey });
        var other = Support.ClientAccount.CreateFast(user.Email, "pw");
        var error = await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/accounts/keys",
            new { publicKey = other.PublicKey, encryptedPrivateKey = other.EncryptedPrivateKey }), HttpStatusCode.BadRequest);

        Assert.Equal("keys", same["object"]!.GetValue<string>());
        Assert.Equal(user.Account.PublicKey, same["publicKey"]!.GetValue<string>());
        Assert.Contains("existing key", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_MalformedPrivateKey_Returns400()
    {
        var user = await api.LoginNewUserAsync();

        var error = await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/accounts/keys",
            new { publicKey = user.Account.PublicKey, encryptedPrivateKey = "plain text" }), HttpStatusCode.BadRequest);

        Assert.NotNull(error["validationErrors"]!["EncryptedPrivateKey"]);
    }

    [Fact]
    public async Task Devices_ListsOnlyTheCallersDevices()
    {
        var user = await api.LoginNewUserAsync();
        await api.PasswordLoginAsync(user.Account, "second-device-id");
        var other = await api.LoginNewUserAsync();

        var devices = (await user.Client.GetJsonAsync("/api/devices"))["data"]!.AsArray();

        Assert.Equal(2, devices.Count);
        Assert.Contains(devices, d => d!["identifier"]!.GetValue<string>() == "second-device-id");
        Assert.All(devices, d => Assert.Equal("device", d!["object"]!.GetValue<string>()));
        Assert.Single((await other.Client.GetJsonAsync("/api/devices"))["data"]!.AsArray());
    }

    [Theory]
    [InlineData("GET", "/api/devices")]
    [InlineData("PUT", "/api/accounts/profile")]
    [InlineData("POST", "/api/accounts/keys")]
    [InlineData("GET", "/api/users/00000000-0000-0000-0000-000000000001/public-key")]
    [InlineData("POST", "/api/accounts/password")]
    [InlineData("POST", "/api/accounts/kdf")]
    [InlineData("POST", "/api/accounts/security-stamp")]
    [InlineData("POST", "/api/accounts/api-key")]
    [InlineData("POST", "/api/accounts/rotate-api-key")]
    [InlineData("POST", "/api/accounts/verify-password")]
    [InlineData("DELETE", "/api/accounts")]
    [InlineData("POST", "/api/accounts/delete")]
    public async Task AccountRoutes_Anonymous_Return401(string method, string url)
    {
        var client = api.CreateApiClient();

        var response = await client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = method == "GET" ? null : System.Net.Http.Json.JsonContent.Create(new { }),
        }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
