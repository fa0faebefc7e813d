using System.Net;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Accounts;

public sealed class DomainTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Get_NewAccount_ListsGlobalGroupsNoneExcluded()
    {
        var user = await api.LoginNewUserAsync();

        var domains = await user.Client.GetJsonAsync("/api/settings/domains");

        Assert.Equal("domains", domains["object"]!.GetValue<string>());
        Assert.Null(domains["equivalentDomains"]);
        var globals = domains["globalEquivalentDomains"]!.AsArray();
        Assert.Contains(globals, g => g!["domains"]!.AsArray().Any(d => d!.GetValue<string>() == "google.com"));
        Assert.All(globals, g => Assert.False(g!["excluded"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Put_SavesNormalizedGroupsAndExclusions_SyncSendsOnlyIncludedGroups()
    {
        var user = await api.LoginNewUserAsync();
        var before = await user.Client.GetRevisionDateAsync();

        var saved = await user.Client.PutJsonAsync("/api/settings/domains", new
        {
            equivalentDomains = new[] { new[] { " Example.com", "example.org", "example.com" }, new[] { "lonely.net" } },
            excludedGlobalEquivalentDomains = new[] { 0 },
        });

        var group = Assert.Single(saved["equivalentDomains"]!.AsArray())!.AsArray();
        Assert.Equal(["example.com", "example.org"], group.Select(d => d!.GetValue<string>()));
        Assert.True(saved["globalEquivalentDomains"]!.AsArray().Single(g => g!["type"]!.GetValue<int>() == 0)!["excluded"]!.GetValue<bool>());
        var sync = await user.Client.GetJsonAsync("/api/sync");
        Assert.Equal("example.org", sync["domains"]!["equivalentDomains"]![0]![1]!.GetValue<string>());
        Assert.DoesNotContain(sync["domains"]!["globalEquivalentDomains"]!.AsArray(), g => g!["type"]!.GetValue<int>() == 0);
        Assert.Null((await user.Client.GetJsonAsync("/api/sync?excludeDomains=true"))["domains"]);
        Assert.True(await user.Client.GetRevisionDateAsync() > before);
        var other = await api.LoginNewUserAsync();
        Assert.Null((await other.Client.GetJsonAsync("/api/settings/domains"))["equivalentDomains"]);
    }

    [Fact]
    public async Task Put_BadInput_Returns400_Anonymous401()
    {
        var user = await api.LoginNewUserAsync();

        await ApiClient.ReadErrorAsync(await user.Client.PutAsync("/api/settings/domains",
            new { excludedGlobalEquivalentDomains = new[] { 99999 } }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await user.Client.PutAsync("/api/settings/domains",
            new { equivalentDomains = new[] { new[] { "a b.com", "c.com" } } }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await user.Client.PutAsync("/api/settings/domains",
            new { equivalentDomains = new[] { new[] { new string('a', 300), "c.com" } } }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await user.Client.PostRawAsync("/api/settings/domains", "{\"equivalentDomains\": \"x\"}"), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().GetAsync("/api/settings/domains")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().PutAsync("/api/settings/domains", new { })).StatusCode);
    }
}
