using System.Net;
using Custodian.Server.Features.Organizations;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Events;

public sealed class EventTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static async Task<List<int>> TypesAsync(TestUser by, string url) =>
        [.. (await by.Client.GetJsonAsync(url))["data"]!.AsArray().Select(e => e!["type"]!.GetValue<int>())];

    [Fact]
    public async Task OrgChanges_AreLogged_WithActorAndSubject()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var member = await api.LoginNewUserAsync();
        var memberId = await api.JoinThroughInviteAsync(org, member);
        var collection = await org.CreateCollectionAsync("Team", TestCollections.Access(memberId));
        var itemId = await org.CreateItemAsync(member, "Router", collection);
        await owner.Client.PutJsonAsync($"/api/organizations/{org.Id}", new { name = "Renamed", billingEmail = owner.Email });
        Assert.Equal(HttpStatusCode.OK, (await member.Client.PutAsync($"/api/ciphers/{itemId}/delete")).StatusCode);

        var log = await owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/events");

        var types = log["data"]!.AsArray().Select(e => e!["type"]!.GetValue<int>()).ToList();
        Assert.Equal([1115, 1600, 1100, 1300, 1501, 1500], types);   // newest first
        var created = log["data"]!.AsArray().Single(e => e!["type"]!.GetValue<int>() == 1100)!;
        Assert.Equal("event", created["object"]!.GetValue<string>());
        Assert.Equal(itemId.ToString(), created["cipherId"]!.GetValue<string>());
        Assert.Equal(member.Id.ToString(), created["actingUserId"]!.GetValue<string>());
        Assert.Equal(25, created["deviceType"]!.GetValue<int>());
        Assert.Equal([1115, 1100], await TypesAsync(owner, $"/api/ciphers/{itemId}/events"));
        Assert.Equal([1115, 1100, 1501, 1500], await TypesAsync(owner, $"/api/organizations/{org.Id}/users/{memberId}/events"));
    }

    [Fact]
    public async Task Paging_ContinuationTokenWalksEveryEventOnce_DateRangeFilters()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var collection = await org.CreateCollectionAsync("C");
        var itemId = await org.CreateItemAsync(owner, "Item", collection);
        var viewed = Enumerable.Range(0, 230).Select(i => new { type = 1107, cipherId = itemId, date = DateTime.UtcNow.AddSeconds(-i % 7), organizationId = (Guid?)null }).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.PostAsync("/events/collect", viewed)).StatusCode);

        var seen = 0;
        string? token = null;
        var pages = 0;
        do
        {
            var page = await owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/events" + (token is null ? "" : $"?continuationToken={Uri.EscapeDataString(token)}"));
            seen += page["data"]!.AsArray().Count;
            token = page["continuationToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(230 + 2, seen);   // the views, plus the collection and the item being created
        var lastYear = await owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/events?start=2025-01-01T00:00:00Z&end=2025-02-01T00:00:00Z");
        Assert.Empty(lastYear["data"]!.AsArray());
        await ApiClient.ReadErrorAsync(await owner.Client.GetAsync($"/api/organizations/{org.Id}/events?start=2026-02-01T00:00:00Z&end=2026-01-01T00:00:00Z"), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await owner.Client.GetAsync($"/api/organizations/{org.Id}/events?start=2020-01-01T00:00:00Z&end=2026-01-01T00:00:00Z"), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await owner.Client.GetAsync($"/api/organizations/{org.Id}/events?continuationToken=garbage"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Collect_IgnoresServerTypesAndItemsTheCallerCannotReach()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var collection = await org.CreateCollectionAsync("C");
        var itemId = await org.CreateItemAsync(owner, "Item", collection);
        var outsider = await api.LoginNewUserAsync();

        Assert.Equal(HttpStatusCode.OK, (await outsider.Client.PostAsync("/events/collect", new object[]
        {
            new { type = 1107, cipherId = itemId, date = DateTime.UtcNow },
            new { type = 1602, organizationId = org.Id, date = DateTime.UtcNow },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.PostAsync("/events/collect", new object[]
        {
            new { type = 1102, cipherId = itemId, date = DateTime.UtcNow },   // a server event: not the client's to report
            new { type = 1111, cipherId = itemId, date = DateTime.UtcNow },
            new { type = 1602, organizationId = org.Id, date = DateTime.UtcNow },
        })).StatusCode);

        var types = await TypesAsync(owner, $"/api/organizations/{org.Id}/events");
        Assert.Contains(1111, types);
        Assert.Contains(1602, types);
        Assert.DoesNotContain(1107, types);
        Assert.DoesNotContain(1102, types);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().PostAsync("/events/collect", Array.Empty<object>())).StatusCode);
    }

    [Fact]
    public async Task EveryRoute_Authorization()
    {
        var roles = await api.CreateRolesAsync(new MemberPermissions { AccessEventLogs = true }, new MemberPermissions { ManageGroups = true });
        var (org, owner, userId) = (roles.Org, roles.Owner, roles.UserMemberId);
        var collection = await org.CreateCollectionAsync("C", TestCollections.Access(userId));
        var itemId = await org.CreateItemAsync(owner, "Item", collection);
        var otherOrg = roles.StrangersOrg;
        var foreignMember = await api.AddConfirmedMemberAsync(otherOrg, await api.LoginNewUserAsync());
        var urls = new[] { $"/api/organizations/{org.Id}/events", $"/api/organizations/{org.Id}/users/{userId}/events", $"/api/ciphers/{itemId}/events" };

        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().GetAsync(url)).StatusCode);
            foreach (var denied in roles.Denied)
            {
                await ApiClient.ReadErrorAsync(await denied.Client.GetAsync(url), HttpStatusCode.NotFound);
            }
            foreach (var allowed in roles.Allowed)
            {
                Assert.Equal(HttpStatusCode.OK, (await allowed.Client.GetAsync(url)).StatusCode);
            }
        }
        await ApiClient.ReadErrorAsync(await owner.Client.GetAsync($"/api/organizations/{org.Id}/users/{foreignMember}/events"), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await owner.Client.GetAsync($"/api/organizations/{otherOrg.Id}/events"), HttpStatusCode.NotFound);
    }

    /// <summary>GET /events (Bitwarden's user log): the caller's own account events, as actor or as the account concerned.</summary>
    [Fact]
    public async Task AccountLog_ShowsTheCallersOwnAccountEvents_AndNobodyElses()
    {
        var (grantor, grantee, stranger) = (await api.LoginNewUserAsync(), await api.LoginNewUserAsync(), await api.LoginNewUserAsync());
        await grantor.CreateOrganizationAsync();   // an org event the grantor did: it stays in the org's log
        await EmergencyAccess.TestEmergencyAccess.ConfirmedAsync(api, grantor, grantee, type: 0);

        var log = await grantor.Client.GetJsonAsync("/api/events");
        Assert.Equal([9602, 9601, 9600], log["data"]!.AsArray().Select(e => e!["type"]!.GetValue<int>()));
        var accepted = log["data"]!.AsArray().Single(e => e!["type"]!.GetValue<int>() == 9601)!;
        Assert.Equal("event", accepted["object"]!.GetValue<string>());
        Assert.Equal((grantor.Id, grantee.Id), (accepted["userId"]!.GetValue<Guid>(), accepted["actingUserId"]!.GetValue<Guid>()));
        Assert.Null(log["continuationToken"]);
        // The grantee sees what it did; a stranger sees nothing of either.
        Assert.Equal([9601], await TypesAsync(grantee, "/api/events"));
        Assert.Empty(await TypesAsync(stranger, "/api/events"));
        var past = DateTime.UtcNow.AddDays(-60).ToString("O");
        Assert.Empty(await TypesAsync(grantor, $"/api/events?start={past}&end={DateTime.UtcNow.AddDays(-59):O}"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().GetAsync("/api/events")).StatusCode);
        await ApiClient.ReadErrorAsync(await grantor.Client.GetAsync($"/api/events?start={DateTime.UtcNow:O}&end={past}"), HttpStatusCode.BadRequest);
        var badToken = await ApiClient.ReadErrorAsync(await grantor.Client.GetAsync("/api/events?continuationToken=bm90LWEtdG9rZW4="),
            HttpStatusCode.BadRequest);
        Assert.NotNull(badToken["validationErrors"]);
    }
}
