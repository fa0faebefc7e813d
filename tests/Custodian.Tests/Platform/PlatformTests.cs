using System.Net;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Platform;

public sealed class PlatformTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/alive")]
    [InlineData("/api/alive")]
    public async Task Alive_Anonymous_Returns200WithServerTime(string route)
    {
        var response = await api.CreateApiClient().GetAsync(route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.InRange(System.Text.Json.JsonSerializer.Deserialize<DateTime>(text).ToUniversalTime(),
            DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Config_Anonymous_ReturnsEmptyFeatureStatesAndOwnUrls()
    {
        var config = await api.CreateApiClient().GetJsonAsync("/api/config");

        Assert.Equal("config", config["object"]!.GetValue<string>());
        Assert.Empty(config["featureStates"]!.AsObject());
        Assert.Null(config["environment"]!["cloudRegion"]);
        Assert.EndsWith("/identity", config["environment"]!["identity"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/api", config["environment"]!["api"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(config["settings"]!["disableUserRegistration"]!.GetValue<bool>());
        Assert.Matches(@"^\d{4}\.\d+\.\d+$", config["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Config_LoggedIn_ReturnsTheSameConfig()
    {
        var user = await api.LoginNewUserAsync();

        var config = await user.Client.GetJsonAsync("/api/config");

        Assert.Empty(config["featureStates"]!.AsObject());
    }

    [Fact]
    public async Task UnknownApiRoute_LoggedIn_Returns404NotServerError()
    {
        var user = await api.LoginNewUserAsync();

        var response = await user.Client.GetAsync("/api/no-such-route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
