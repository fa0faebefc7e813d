using System.Net;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Support;

namespace Custodian.Tests.Identity;

public sealed class PreloginTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/identity/accounts/prelogin/password")]
    [InlineData("/identity/accounts/prelogin")]
    [InlineData("/api/accounts/prelogin")]   // the alias other clients call, anonymously
    public async Task Prelogin_KnownAccount_ReturnsItsKdfAndSalt(string route)
    {
        var account = await api.RegisterAsync();
        var body = await api.CreateApiClient().PostJsonAsync(route, new { email = account.Email.ToUpperInvariant() });

        Assert.Equal(0, body["kdf"]!.GetValue<int>());
        Assert.Equal(account.Kdf.Iterations, body["kdfIterations"]!.GetValue<int>());
        Assert.Equal(0, body["kdfSettings"]!["kdfType"]!.GetValue<int>());
        Assert.Equal(account.Kdf.Iterations, body["kdfSettings"]!["iterations"]!.GetValue<int>());
        Assert.Equal(account.Email, body["salt"]!.GetValue<string>());
    }

    [Fact]
    public async Task Prelogin_UnknownEmail_AnswersDefaultsSoAccountsCannotBeEnumerated()
    {
        var body = await api.CreateApiClient().PostJsonAsync("/identity/accounts/prelogin/password",
            new { email = "Nobody-" + Guid.NewGuid().ToString("N") + "@Example.com" });

        Assert.Equal(0, body["kdfSettings"]!["kdfType"]!.GetValue<int>());
        Assert.Equal(600000, body["kdfSettings"]!["iterations"]!.GetValue<int>());
        Assert.Null(body["kdfSettings"]!["memory"]);
        Assert.StartsWith("nobody-", body["salt"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prelogin_Argon2Account_ReturnsMemoryAndParallelism()
    {
        var account = ClientAccount.Create(TestAccounts.NewEmail(), "pw-argon", KdfSettings.Argon2Default);
        await ApiClient.ReadOkAsync(await api.CreateApiClient().PostAsync("/identity/accounts/register", TestAccounts.RegisterBody(account)));

        var body = await api.CreateApiClient().PostJsonAsync("/identity/accounts/prelogin/password", new { email = account.Email });

        Assert.Equal(1, body["kdfSettings"]!["kdfType"]!.GetValue<int>());
        Assert.Equal(KdfSettings.Argon2Default.Iterations, body["kdfSettings"]!["iterations"]!.GetValue<int>());
        Assert.Equal(KdfSettings.Argon2Default.Memory, body["kdfSettings"]!["memory"]!.GetValue<int>());
        Assert.Equal(KdfSettings.Argon2Default.Parallelism, body["kdfSettings"]!["parallelism"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("{\"email\":")]
    [InlineData("{}")]
    [InlineData("[1,2]")]
    public async Task Prelogin_MalformedBody_Returns400WithErrorBody(string json)
    {
        var response = await api.CreateApiClient().PostRawAsync("/identity/accounts/prelogin/password", json);

        await ApiClient.ReadErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ApiPreloginAlias_MalformedBody_Returns400WithErrorBody()
    {
        var response = await api.CreateApiClient().PostRawAsync("/api/accounts/prelogin", "{}");
        await ApiClient.ReadErrorAsync(response, HttpStatusCode.BadRequest);
    }
}
