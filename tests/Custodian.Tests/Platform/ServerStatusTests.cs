using System.Net;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Platform;

/// <summary>A server without an admin token: /admin is off.</summary>
public sealed class AdminOffFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Admin:Token"] = "" };
}

public sealed class ServerStatusTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Anonymous_OnAFreshServer_SaysFirstRun_ThenNotOnceAnAccountExists()
    {
        await using var fresh = new ApiFactory();
        await fresh.InitializeAsync();

        var before = await fresh.CreateApiClient().GetJsonAsync("/api/server-status");
        await fresh.LoginNewUserAsync();
        var after = await fresh.CreateApiClient().GetJsonAsync("/api/server-status");

        Assert.True(before["firstRun"]!.GetValue<bool>());
        Assert.True(before["adminEnabled"]!.GetValue<bool>());
        Assert.True(before["signupsAllowed"]!.GetValue<bool>());
        Assert.False(after["firstRun"]!.GetValue<bool>());
    }

    [Fact]
    public async Task LoggedIn_GetsTheSameAnswer()
    {
        var user = await api.LoginNewUserAsync();

        var response = await user.Client.GetAsync("/api/server-status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class ServerStatusAdminOffTests(AdminOffFactory api) : IClassFixture<AdminOffFactory>
{
    [Fact]
    public async Task WithoutAnAdminToken_SaysAdminIsOff()
    {
        var status = await api.CreateApiClient().GetJsonAsync("/api/server-status");

        Assert.False(status["adminEnabled"]!.GetValue<bool>());
    }
}
