using System.Net;
using System.Text.Json.Nodes;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Providers;

/// <summary>The cross-client dashboard: its figures match the clients' members, it sorts, filters and pages, and who may read it.</summary>
public sealed class ProviderDashboardTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static JsonObject Row(JsonObject page, TestOrganization org) =>
        page["data"]!.AsArray().Single(r => r!["organizationId"]!.GetValue<string>() == org.Id.ToString())!.AsObject();

    [Fact]
    public async Task Dashboard_CountsSeatsPendingTwoStepPoliciesActivity_SortsFiltersPages()
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var a = await provider.CreateClientAsync(owner, $"A {tag}", TestAccounts.NewEmail("a"));
        var b = await provider.CreateClientAsync(owner, $"B {tag}", TestAccounts.NewEmail("b"));
        // A: one invited (besides its invited owner), one accepted, one confirmed without two-step login, one with it.
        await a.InviteAsync(owner, TestAccounts.NewEmail("invited"));
        var accepted = await api.LoginNewUserAsync();
        var acceptedId = await a.InviteAsync(owner, accepted.Email);
        await ApiClient.ReadOkOrEmptyAsync(await a.AcceptAsync(accepted, acceptedId, TestMembers.ReadInviteToken(api, acceptedId)));
        await api.JoinThroughInviteAsync(a, await api.LoginNewUserAsync());
        var secured = await api.LoginNewUserAsync();
        await secured.EnableAuthenticatorAsync();
        await api.JoinThroughInviteAsync(a, secured);
        // B: a policy on.
        await owner.Client.PutJsonAsync($"/api/organizations/{b.Id}/policies/1", new { enabled = true, data = (object?)null });

        var page = await owner.Client.GetJsonAsync($"/api/providers/{provider.Id}/dashboard");
        var rowA = Row(page, a);
        Assert.Equal("providerDashboardClient", rowA["object"]!.GetValue<string>());
        Assert.Equal(10, rowA["seats"]!.GetValue<int>());
        Assert.Equal(5, rowA["occupiedSeats"]!.GetValue<int>());
        Assert.Equal(2, rowA["pendingAcceptance"]!.GetValue<int>());
        Assert.Equal(1, rowA["pendingConfirmation"]!.GetValue<int>());
        Assert.Equal(1, rowA["withoutTwoStep"]!.GetValue<int>());
        Assert.Equal(0, rowA["policiesEnabled"]!.GetValue<int>());
        Assert.NotNull(rowA["lastActivity"]);
        var rowB = Row(page, b);
        Assert.Equal(1, rowB["policiesEnabled"]!.GetValue<int>());
        Assert.Equal(1, rowB["pendingAcceptance"]!.GetValue<int>());
        Assert.Equal(0, rowB["withoutTwoStep"]!.GetValue<int>());

        var twoStep = await owner.Client.GetJsonAsync($"/api/providers/{provider.Id}/dashboard?filter=twoStep");
        Assert.Equal([a.Id.ToString()], twoStep["data"]!.AsArray().Select(r => r!["organizationId"]!.GetValue<string>()));
        var bySeats = await owner.Client.GetJsonAsync($"/api/providers/{provider.Id}/dashboard?sort=seats&pageSize=1");
        Assert.Equal(a.Id.ToString(), bySeats["data"]![0]!["organizationId"]!.GetValue<string>());
        Assert.Equal("2", bySeats["continuationToken"]!.GetValue<string>());
        var second = await owner.Client.GetJsonAsync($"/api/providers/{provider.Id}/dashboard?sort=seats&pageSize=1&page=2");
        Assert.Equal(b.Id.ToString(), second["data"]![0]!["organizationId"]!.GetValue<string>());
        Assert.Null(second["continuationToken"]);
        var searched = await owner.Client.GetJsonAsync($"/api/providers/{provider.Id}/dashboard?search=b%20{tag}");
        Assert.Equal([b.Id.ToString()], searched["data"]!.AsArray().Select(r => r!["organizationId"]!.GetValue<string>()));

        var bad = await ApiClient.ReadErrorAsync(await owner.Client.GetAsync($"/api/providers/{provider.Id}/dashboard?sort=secrets"), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["validationErrors"]!["sort"]);
        await ApiClient.ReadErrorAsync(await owner.Client.GetAsync($"/api/providers/{provider.Id}/dashboard?filter=x"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Dashboard_ServiceUsersRead_OtherProviderClientOwnerStrangerAnonymousDoNot()
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);
        var technician = await api.LoginNewUserAsync();
        await api.AddProviderUserAsync(provider, technician);
        var client = await provider.CreateClientAsync(owner, $"Client {Guid.NewGuid():N}", TestAccounts.NewEmail("c"));
        var url = $"/api/providers/{provider.Id}/dashboard";
        Assert.Single((await technician.Client.GetJsonAsync(url))["data"]!.AsArray());

        var otherAdmin = await api.LoginNewUserAsync();
        await api.CreateProviderAsync(otherAdmin, "Other MSP");
        var clientOwner = await api.LoginNewUserAsync();
        await api.JoinThroughInviteAsync(client, clientOwner, Custodian.Server.Features.Organizations.OrganizationUserType.Owner);
        foreach (var denied in new[] { otherAdmin, clientOwner, await api.LoginNewUserAsync() })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await denied.Client.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().GetAsync(url)).StatusCode);
    }
}
