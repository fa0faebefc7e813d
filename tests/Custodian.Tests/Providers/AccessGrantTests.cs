using System.Net;
using Custodian.Server.Features.Providers.Assignments;
using Custodian.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Custodian.Tests.Providers.ProviderAccessSetup;

namespace Custodian.Tests.Providers;

/// <summary>A server whose clock the test drives; several with one database name and one clock are instances of one deployment.</summary>
public class ClockedServer(string databaseName, FakeTimeProvider clock) : ApiFactory(databaseName)
{
    /// <summary>Instances on one database share the secret-protection key, as several nodes on shared storage do.</summary>
    readonly string _keyFile = Scale.InstanceFactory.KeyFile(databaseName);

    public FakeTimeProvider Clock { get; } = clock;

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Secrets:KeyFile"] = _keyFile };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_keyFile);   // the instances of one deployment are disposed together
        GC.SuppressFinalize(this);
    }
}

public sealed class ClockedFactory() : ClockedServer($"custodian_test_{Guid.NewGuid():N}", new FakeTimeProvider(DateTimeOffset.UtcNow));

public sealed class AccessGrantTests(ClockedFactory api) : IClassFixture<ClockedFactory>
{
    static object Ask(Guid organizationId, int minutes = 30, string reason = "Ticket 4711: mailbox migration") =>
        new { organizationId, reason, durationMinutes = minutes };

    [Fact]
    public async Task Request_Approve_ItemsAppear_Revoke_TheyGo_BothLogsTellIt()
    {
        var s = await CreateAsync(api);
        var tech = s.Technician.Client;

        var request = await tech.PostJsonAsync(s.Url("/access-requests"), Ask(s.ClientB.Id));

        Assert.Equal((int)AccessGrantStatus.Requested, request["status"]!.GetValue<int>());
        Assert.True(request["awaitsProvider"]!.GetValue<bool>());
        Assert.DoesNotContain(s.ItemB, await SyncedItemsAsync(s.Technician));
        var pending = (await s.Provider.Owner.Client.GetJsonAsync(s.Url("/access-requests")))["data"]!.AsArray();
        Assert.Contains(pending, g => g!["id"]!.GetValue<string>() == request["id"]!.GetValue<string>());
        var before = await tech.GetRevisionDateAsync();
        api.Clock.Advance(TimeSpan.FromSeconds(1));   // revision dates are the server clock's, which the test holds still

        var approved = await s.Provider.Owner.Client.PostJsonAsync(s.Url($"/access-requests/{request["id"]}/approve"));

        Assert.Equal((int)AccessGrantStatus.Approved, approved["status"]!.GetValue<int>());
        Assert.Equal(api.Clock.GetUtcNow().UtcDateTime.AddMinutes(30), approved["expiresAt"]!.GetValue<DateTime>().ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.True(await tech.GetRevisionDateAsync() > before);
        Assert.Contains(s.ItemB, await SyncedItemsAsync(s.Technician));
        Assert.Contains(s.ItemB, await SyncedItemsAsync(s.Technician));   // a second use is not a first use
        var reach = (await s.Provider.Owner.Client.GetJsonAsync(s.Url($"/assignments/clients/{s.ClientB.Id}")))["data"]!.AsArray();
        Assert.Contains(reach, r => r!["via"]!.GetValue<string>() == "grant" && r["expiresAt"] is not null);

        await tech.PostJsonAsync(s.Url($"/access-requests/{request["id"]}/revoke"));   // the requester may end it early

        Assert.DoesNotContain(s.ItemB, await SyncedItemsAsync(s.Technician));
        await ApiClient.ReadErrorAsync(await tech.GetAsync($"/api/ciphers/{s.ItemB}"), HttpStatusCode.NotFound);
        var clientLog = (await s.Provider.Owner.Client.GetJsonAsync($"/api/organizations/{s.ClientB.Id}/events"))["data"]!.AsArray();
        var providerLog = (await s.Provider.Owner.Client.GetJsonAsync(s.Url("/events")))["data"]!.AsArray();
        foreach (var log in new[] { clientLog, providerLog })
        {
            var access = log.Where(e => e!["type"]!.GetValue<int>() is >= 9502 and <= 9507).ToList();
            Assert.Equal([9502, 9503, 9505, 9507], access.Select(e => e!["type"]!.GetValue<int>()).Order());
            Assert.All(access, e => Assert.Equal("Ticket 4711: mailbox migration", e!["reason"]!.GetValue<string>()));
            Assert.All(access, e => Assert.Equal(s.Technician.Id.ToString(), e!["userId"]!.GetValue<string>()));
        }
        Assert.Equal(s.Provider.Owner.Id.ToString(), clientLog.Single(e => e!["type"]!.GetValue<int>() == 9503)!["actingUserId"]!.GetValue<string>());
    }

    [Fact]
    public async Task AutoGrant_StartsAtOnce_ExpiresOnTheClock_ThenTheJobRecordsItOnce()
    {
        var s = await CreateAsync(api);
        await s.Provider.Owner.Client.PutJsonAsync(s.Url("/access-settings"), new { maxGrantMinutes = 60, requestsNeedApproval = false });

        var grant = await s.Technician.Client.PostJsonAsync(s.Url("/access-requests"), Ask(s.ClientB.Id, minutes: 15));

        Assert.Equal((int)AccessGrantStatus.Approved, grant["status"]!.GetValue<int>());
        Assert.Contains(s.ItemB, await SyncedItemsAsync(s.Technician));
        var before = await s.Technician.Client.GetRevisionDateAsync();
        await ApiClient.ReadErrorAsync(await s.Technician.Client.PostAsync(s.Url("/access-requests"), Ask(s.ClientA.Id, minutes: 61)), HttpStatusCode.BadRequest);

        api.Clock.Advance(TimeSpan.FromMinutes(16));

        // Served no longer, whether or not the job has run yet.
        Assert.DoesNotContain(s.ItemB, await SyncedItemsAsync(s.Technician));
        var job = api.Services.GetRequiredService<GrantExpiry>();
        await job.ExpireDueAsync(TestContext.Current.CancellationToken);
        await job.ExpireDueAsync(TestContext.Current.CancellationToken);
        Assert.True(await s.Technician.Client.GetRevisionDateAsync() > before);
        var mine = (await s.Technician.Client.GetJsonAsync(s.Url("/access-requests")))["data"]!.AsArray();
        Assert.Equal((int)AccessGrantStatus.Expired, mine.Single()!["status"]!.GetValue<int>());
        var log = (await s.Provider.Owner.Client.GetJsonAsync($"/api/organizations/{s.ClientB.Id}/events"))["data"]!.AsArray();
        Assert.Single(log, e => e!["type"]!.GetValue<int>() == 9506);
    }

    [Fact]
    public async Task ClientRequiringItsApproval_WaitsForItsOwner_WhoMayDeny()
    {
        var s = await CreateAsync(api);
        var owner = s.ClientOwner.Client;
        await owner.PutJsonAsync($"/api/organizations/{s.ClientA.Id}/provider-access/settings", new { requiresApproval = true });
        var first = await s.Technician.Client.PostJsonAsync(s.Url("/access-requests"), Ask(s.ClientA.Id));
        await s.Provider.Owner.Client.PostJsonAsync(s.Url($"/access-requests/{first["id"]}/approve"));
        Assert.DoesNotContain(s.ItemA, await SyncedItemsAsync(s.Technician));   // the client has not said yes yet

        var view = await owner.GetJsonAsync($"/api/organizations/{s.ClientA.Id}/provider-access");
        Assert.True(view["requiresApproval"]!.GetValue<bool>());
        Assert.True(view["grants"]![0]!["awaitsClient"]!.GetValue<bool>());
        await owner.PostJsonAsync($"/api/organizations/{s.ClientA.Id}/provider-access/requests/{first["id"]}/approve");

        Assert.Contains(s.ItemA, await SyncedItemsAsync(s.Technician));
        var now = (await owner.GetJsonAsync($"/api/organizations/{s.ClientA.Id}/provider-access"))["now"]!.AsArray();
        Assert.Contains(now, r => r!["via"]!.GetValue<string>() == "grant" && r["userId"]!.GetValue<string>() == s.Technician.Id.ToString());
        Assert.Contains(now, r => r!["via"]!.GetValue<string>() == "assigned" && r["userId"]!.GetValue<string>() == s.Provider.Owner.Id.ToString());

        await s.Provider.Owner.Client.PostJsonAsync(s.Url($"/access-requests/{first["id"]}/revoke"));
        var second = await s.Technician.Client.PostJsonAsync(s.Url("/access-requests"), Ask(s.ClientA.Id));
        await owner.PostJsonAsync($"/api/organizations/{s.ClientA.Id}/provider-access/requests/{second["id"]}/deny");
        await ApiClient.ReadErrorAsync(await s.Provider.Owner.Client.PostAsync(s.Url($"/access-requests/{second["id"]}/approve")), HttpStatusCode.BadRequest);
        Assert.DoesNotContain(s.ItemA, await SyncedItemsAsync(s.Technician));
        // The provider acting as the client's owner cannot waive the client's own rule.
        await ApiClient.ReadErrorAsync(await s.Provider.Owner.Client.PutAsync($"/api/organizations/{s.ClientA.Id}/provider-access/settings",
            new { requiresApproval = false }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PerClientRule_OverridesTheProviderDefault()
    {
        var s = await CreateAsync(api);
        var owner = s.Provider.Owner.Client;
        var settings = await owner.PutJsonAsync(s.Url($"/access-settings/clients/{s.ClientB.Id}"), new { requestsNeedApproval = false });
        Assert.Single(settings["clients"]!.AsArray());

        var onB = await s.Technician.Client.PostJsonAsync(s.Url("/access-requests"), Ask(s.ClientB.Id));
        var onA = await s.Technician.Client.PostJsonAsync(s.Url("/access-requests"), Ask(s.ClientA.Id));

        Assert.Equal((int)AccessGrantStatus.Approved, onB["status"]!.GetValue<int>());
        Assert.Equal((int)AccessGrantStatus.Requested, onA["status"]!.GetValue<int>());
        await ApiClient.ReadErrorAsync(await s.Technician.Client.PostAsync(s.Url("/access-requests"), Ask(s.ClientA.Id)), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await s.Technician.Client.PostAsync(s.Url("/access-requests"), Ask(s.ClientA.Id, reason: "")), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await s.Technician.Client.PostAsync(s.Url("/access-requests"), Ask(Guid.NewGuid())), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await owner.PutAsync(s.Url("/access-settings"), new { maxGrantMinutes = 0, requestsNeedApproval = true }), HttpStatusCode.BadRequest);
        await owner.PostJsonAsync(s.Url($"/access-requests/{onA["id"]}/deny"));
        var denied = (await s.Technician.Client.GetJsonAsync(s.Url("/access-requests")))["data"]!.AsArray();
        Assert.Contains(denied, g => g!["id"]!.GetValue<string>() == onA["id"]!.GetValue<string>() && g["status"]!.GetValue<int>() == (int)AccessGrantStatus.Denied);
    }
}

/// <summary>Two instances, one database, one clock: a due grant is expired and recorded exactly once.</summary>
public sealed class GrantExpiryInstancesTests : IAsyncLifetime
{
    readonly string _database = $"custodian_test_{Guid.NewGuid():N}";
    readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    ClockedServer? _a;
    ClockedServer? _b;

    public async ValueTask InitializeAsync()
    {
        _a = new ClockedServer(_database, _clock);
        await _a.InitializeAsync();
        _b = new ClockedServer(_database, _clock);
        await _b.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _b!.DisposeAsync();
        await _a!.DisposeAsync();
    }

    [Fact]
    public async Task TwoInstances_ExpireEachGrantOnce()
    {
        var s = await CreateAsync(_a!);
        await s.Provider.Owner.Client.PutJsonAsync(s.Url("/access-settings"), new { maxGrantMinutes = 60, requestsNeedApproval = false });
        foreach (var client in new[] { s.ClientA.Id, s.ClientB.Id })
        {
            await s.Technician.Client.PostJsonAsync(s.Url("/access-requests"), new { organizationId = client, reason = "Patch night", durationMinutes = 15 });
        }

        _clock.Advance(TimeSpan.FromMinutes(20));
        var ct = TestContext.Current.CancellationToken;
        var jobs = new[] { _a!, _b! }.Select(f => f.Services.GetRequiredService<GrantExpiry>());
        // PostgreSQL runs both at once (row locks decide); the shared in-memory SQLite takes them in turn.
        var counts = ApiFactory.Postgres is not null
            ? await Task.WhenAll(jobs.Select(j => j.ExpireDueAsync(ct)))
            : [await jobs.First().ExpireDueAsync(ct), await jobs.Last().ExpireDueAsync(ct)];

        Assert.True(counts.Sum() <= 2);   // the hosted services may have taken some on their own tick
        var providerLog = (await s.Provider.Owner.Client.GetJsonAsync(s.Url("/events")))["data"]!.AsArray();
        Assert.Equal(2, providerLog.Count(e => e!["type"]!.GetValue<int>() == 9506));
        Assert.All((await s.Technician.Client.GetJsonAsync(s.Url("/access-requests")))["data"]!.AsArray(),
            g => Assert.Equal((int)AccessGrantStatus.Expired, g!["status"]!.GetValue<int>()));
    }
}
