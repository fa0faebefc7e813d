using System.Net;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Providers;

/// <summary>Who may call each provider-access route: anonymous, a stranger, another provider's admin, a service user, the client's owner.</summary>
public sealed class ProviderAccessAuthorizationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    enum Allowed { Admins, ProviderUsers, ClientAdmins, ClientAndProvider }

    [Fact]
    public async Task EveryRoute_RefusesWhoMayNotCall_As404_Anonymous401()
    {
        var s = await ProviderAccessSetup.CreateAsync(api);
        var stranger = await api.LoginNewUserAsync();
        var rival = await api.CreateProviderAsync(await api.LoginNewUserAsync(), "Rival MSP");
        var grant = await s.Technician.Client.PostJsonAsync(s.Url("/access-requests"), new { organizationId = s.ClientA.Id, reason = "Printer", durationMinutes = 30 });
        var team = await s.Provider.Owner.Client.PostJsonAsync(s.Url("/teams"), new { name = "T", providerUserIds = Array.Empty<Guid>(), organizationIds = Array.Empty<Guid>() });
        var pairs = new { providerUserIds = new[] { s.TechnicianId }, organizationIds = new[] { s.ClientB.Id } };
        var teamBody = new { name = "T2", providerUserIds = Array.Empty<Guid>(), organizationIds = Array.Empty<Guid>() };
        var client = $"/api/organizations/{s.ClientA.Id}/provider-access";
        var routes = new (HttpMethod Method, string Url, object? Body, Allowed Who)[]
        {
            (HttpMethod.Get, s.Url("/assignments"), null, Allowed.ProviderUsers),
            (HttpMethod.Get, s.Url($"/assignments/clients/{s.ClientA.Id}"), null, Allowed.ProviderUsers),
            (HttpMethod.Get, s.Url($"/assignments/users/{s.TechnicianId}"), null, Allowed.ProviderUsers),
            (HttpMethod.Post, s.Url("/assignments"), pairs, Allowed.Admins),
            (HttpMethod.Post, s.Url("/assignments/remove"), pairs, Allowed.Admins),
            (HttpMethod.Put, s.Url($"/assignments/clients/{s.ClientB.Id}"), new { providerUserIds = Array.Empty<Guid>() }, Allowed.Admins),
            (HttpMethod.Put, s.Url($"/assignments/users/{s.TechnicianId}"), new { organizationIds = Array.Empty<Guid>() }, Allowed.Admins),
            (HttpMethod.Get, s.Url("/teams"), null, Allowed.ProviderUsers),
            (HttpMethod.Post, s.Url("/teams"), teamBody, Allowed.Admins),
            (HttpMethod.Put, s.Url($"/teams/{team["id"]}"), teamBody, Allowed.Admins),
            (HttpMethod.Get, s.Url("/access-settings"), null, Allowed.ProviderUsers),
            (HttpMethod.Put, s.Url("/access-settings"), new { maxGrantMinutes = 480, requestsNeedApproval = true }, Allowed.Admins),
            (HttpMethod.Put, s.Url($"/access-settings/clients/{s.ClientA.Id}"), new { requestsNeedApproval = (bool?)null }, Allowed.Admins),
            (HttpMethod.Get, s.Url("/access-requests"), null, Allowed.ProviderUsers),
            (HttpMethod.Get, client, null, Allowed.ClientAndProvider),
            (HttpMethod.Put, $"{client}/settings", new { requiresApproval = false }, Allowed.ClientAdmins),
        };
        var anonymous = api.CreateApiClient();
        foreach (var (method, url, body, who) in routes)
        {
            Task<HttpResponseMessage> Call(ApiClient c) => Send(c, method, url, body);
            var label = $"{method} {url}";
            Assert.True((await Call(anonymous)).StatusCode == HttpStatusCode.Unauthorized, label);
            await Refused(await Call(stranger.Client), label);
            await Refused(await Call(rival.Owner.Client), label);
            var technician = await Call(s.Technician.Client);
            if (who is Allowed.ProviderUsers or Allowed.ClientAndProvider)
            {
                Assert.True(technician.StatusCode == HttpStatusCode.OK, label);
            }
            else
            {
                await Refused(technician, label);
            }
            var clientOwner = await Call(s.ClientOwner.Client);
            if (who is Allowed.ClientAdmins or Allowed.ClientAndProvider)
            {
                Assert.True(clientOwner.StatusCode == HttpStatusCode.OK, label);
            }
            else
            {
                await Refused(clientOwner, label);
            }
            var admin = await Call(s.Provider.Owner.Client);
            Assert.True(admin.StatusCode == (who == Allowed.ClientAdmins ? HttpStatusCode.NotFound : HttpStatusCode.OK), $"{label}: {(int)admin.StatusCode}");
        }

        // Deciding: provider admins on the provider's side, the client's own admins on the client's; the requester may revoke.
        foreach (var who in new[] { stranger.Client, rival.Owner.Client, s.Technician.Client, s.ClientOwner.Client })
        {
            await Refused(await who.PostAsync(s.Url($"/access-requests/{grant["id"]}/approve")), "approve");
            await Refused(await who.PostAsync(s.Url($"/access-requests/{grant["id"]}/deny")), "deny");
        }
        foreach (var who in new[] { stranger.Client, rival.Owner.Client, s.Technician.Client, s.Provider.Owner.Client })
        {
            await Refused(await who.PostAsync($"{client}/requests/{grant["id"]}/approve"), "client approve");
        }
        foreach (var who in new[] { stranger.Client, rival.Owner.Client, s.ClientOwner.Client })
        {
            await Refused(await who.PostAsync(s.Url($"/access-requests/{grant["id"]}/revoke")), "revoke");
            await Refused(await who.PostAsync(s.Url("/access-requests"), new { organizationId = s.ClientB.Id, reason = "Printer", durationMinutes = 30 }), "request");
        }
        await Refused(await stranger.Client.DeleteAsync(s.Url($"/teams/{team["id"]}")), "delete team");
        await Refused(await s.Technician.Client.DeleteAsync(s.Url($"/teams/{team["id"]}")), "delete team");
        Assert.Equal(HttpStatusCode.OK, (await s.Technician.Client.PostAsync(s.Url($"/access-requests/{grant["id"]}/revoke"))).StatusCode);
    }

    static Task<HttpResponseMessage> Send(ApiClient client, HttpMethod method, string url, object? body) =>
        method == HttpMethod.Get ? client.GetAsync(url)
        : method == HttpMethod.Post ? client.PostAsync(url, body)
        : method == HttpMethod.Put ? client.PutAsync(url, body)
        : client.DeleteAsync(url, body);

    static async Task Refused(HttpResponseMessage response, string label)
    {
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{label}: expected 404, got {(int)response.StatusCode}");
        await ApiClient.ReadErrorAsync(response, HttpStatusCode.NotFound);
    }
}
