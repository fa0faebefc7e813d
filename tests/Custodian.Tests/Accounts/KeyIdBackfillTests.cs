using System.Net;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Accounts;

/// <summary>The SDK's key-id backfill right after login (client-contract H2): store once, echo in every sync.</summary>
public sealed class KeyIdBackfillTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string Route = "/api/accounts/key-management/user-key-id";

    [Fact]
    public async Task UserKeyId_SetOnce_IsReturnedBySyncAndBumpsRevision()
    {
        var user = await api.LoginNewUserAsync();
        var before = await user.Client.GetRevisionDateAsync();
        await Task.Delay(5, TestContext.Current.CancellationToken);

        var response = await user.Client.PostAsync(Route, new { userKeyId = "9b0250e301dddafa80bf0fa0953a382a" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sync = await user.Client.GetJsonAsync("/api/sync?excludeDomains=true");
        Assert.Equal("9b0250e301dddafa80bf0fa0953a382a", sync["userDecryption"]!["userKeyId"]!.GetValue<string>());
        var after = await user.Client.GetRevisionDateAsync();
        Assert.True(after > before, $"revision date {after} should exceed {before}");
    }

    [Fact]
    public async Task UserKeyId_SetTwice_Returns400AndKeepsTheFirst()
    {
        var user = await api.LoginNewUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Client.PostAsync(Route, new { userKeyId = "00000000000000000000000000000001" })).StatusCode);

        var error = await ApiClient.ReadErrorAsync(await user.Client.PostAsync(Route, new { userKeyId = "00000000000000000000000000000002" }),
            HttpStatusCode.BadRequest);

        Assert.Equal("User key id is already set.", error["message"]!.GetValue<string>());
        var sync = await user.Client.GetJsonAsync("/api/sync");
        Assert.Equal("00000000000000000000000000000001", sync["userDecryption"]!["userKeyId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("9B0250E301DDDAFA80BF0FA0953A382A")]
    [InlineData("")]
    public async Task UserKeyId_Malformed_Returns400(string id)
    {
        var user = await api.LoginNewUserAsync();

        var error = await ApiClient.ReadErrorAsync(await user.Client.PostAsync(Route, new { userKeyId = id }), HttpStatusCode.BadRequest);

        Assert.NotNull(error["validationErrors"]!["UserKeyId"]);
    }

    [Fact]
    public async Task UserKeyId_Anonymous_Returns401()
    {
        var response = await api.CreateApiClient().PostAsync(Route, new { userKeyId = "9b0250e301dddafa80bf0fa0953a382a" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
