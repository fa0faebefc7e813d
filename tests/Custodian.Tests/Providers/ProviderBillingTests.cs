using System.Net;
using Custodian.Server.Features.Providers.Billing;
using Custodian.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Custodian.Tests.Providers;

/// <summary>Daily seat usage (once a day, whatever the instances) and the monthly report as JSON, CSV and through the provider API.</summary>
public sealed class ProviderBillingTests : IAsyncLifetime
{
    readonly string _database = $"custodian_test_{Guid.NewGuid():N}";
    // Mid-month, so the test's days stay in one period.
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero));
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

    async Task<int> RecordOnBothAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var jobs = new[] { _a!, _b! }.Select(f => f.Services.GetRequiredService<SeatUsageRecorder>());
        var counts = ApiFactory.Postgres is not null
            ? await Task.WhenAll(jobs.Select(j => j.RecordTodayAsync(ct)))
            : [await jobs.First().RecordTodayAsync(ct), await jobs.Last().RecordTodayAsync(ct)];
        return counts.Sum();
    }

    [Fact]
    public async Task DailyUsage_RecordedOncePerDay_MonthlyReport_JsonCsvProviderApi_ExternalIds()
    {
        var api = _a!;
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);
        var a = await provider.CreateClientAsync(owner, "Alpha, Inc.", TestAccounts.NewEmail("a"));
        var b = await provider.CreateClientAsync(owner, "Beta", TestAccounts.NewEmail("b"));

        _clock.Advance(TimeSpan.FromDays(1));   // the hosted recorders may run on this tick too: counts below allow for them
        Assert.True(await RecordOnBothAsync() <= 2);
        Assert.Equal(0, await RecordOnBothAsync());   // the day is done
        owner = await api.LoginAsync(owner.Account);   // a day later, the old access token has expired
        a = a with { Owner = owner };
        await api.JoinThroughInviteAsync(a, await api.LoginNewUserAsync());
        await api.JoinThroughInviteAsync(a, await api.LoginNewUserAsync());
        _clock.Advance(TimeSpan.FromDays(1));
        await RecordOnBothAsync();
        owner = await api.LoginAsync(owner.Account);

        var url = $"/api/providers/{provider.Id}/billing";
        await ApiClient.ReadOkOrEmptyAsync(await owner.Client.PutAsync($"{url}/clients/{a.Id}", new { externalId = "=PSA-1001" }));
        var report = (await owner.Client.GetJsonAsync($"{url}/usage?period=2026-11"))["data"]!.AsArray();
        Assert.Equal(2, report.Count);
        var alpha = report.Single(r => r!["organizationId"]!.GetValue<string>() == a.Id.ToString())!;
        Assert.Equal("clientUsage", alpha["object"]!.GetValue<string>());
        Assert.Equal(2, alpha["daysRecorded"]!.GetValue<int>());   // exactly one row per day, however many instances ran
        Assert.Equal(3, alpha["seats"]!.GetValue<int>());          // the peak: invited owner and two members
        Assert.Equal(2m, alpha["averageSeats"]!.GetValue<decimal>());
        Assert.Equal(10, alpha["assignedSeats"]!.GetValue<int>());
        Assert.Equal("=PSA-1001", alpha["externalId"]!.GetValue<string>());
        Assert.Equal("2026-11", alpha["period"]!.GetValue<string>());
        var paged = await owner.Client.GetJsonAsync($"{url}/usage?period=2026-11&pageSize=1");
        Assert.Single(paged["data"]!.AsArray());
        Assert.Single((await owner.Client.GetJsonAsync($"{url}/usage?period=2026-11&pageSize=1&continuationToken={paged["continuationToken"]}"))["data"]!.AsArray());
        Assert.Empty((await owner.Client.GetJsonAsync($"{url}/usage?period=2026-10"))["data"]!.AsArray());

        var csv = await owner.Client.GetAsync($"{url}/usage.csv?period=2026-11");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).TrimEnd().Split('\n');
        Assert.Equal(UsageReport.CsvHeader, lines[0]);
        Assert.Contains($"\"Alpha, Inc.\",\"'=PSA-1001\",{a.Id},2026-11,2026-11-01,2026-11-30,3,2,10,2", lines);
        Assert.Contains(lines, l => l.StartsWith($"\"Beta\",,{b.Id},2026-11,", StringComparison.Ordinal));

        var key = (await owner.Client.PostJsonAsync($"/api/providers/{provider.Id}/api-key",
            new { masterPasswordHash = owner.Account.MasterPasswordHash }))["apiKey"]!.GetValue<string>();
        var token = await ApiClient.ReadOkAsync(await api.CreateApiClient().PostFormAsync("/identity/connect/token",
            TestApiKeys.ClientCredentials($"provider.{provider.Id}", key, "api.provider")));
        var script = api.CreateApiClient();
        script.UseToken(token["access_token"]!.GetValue<string>());
        Assert.Equal(2, (await script.GetJsonAsync("/api/provider-api/billing/usage?period=2026-11"))["data"]!.AsArray().Count);
        var apiCsv = await (await script.GetAsync("/api/provider-api/billing/usage.csv?period=2026-11")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(lines, apiCsv.TrimEnd().Split('\n'));

        var bad = await ApiClient.ReadErrorAsync(await owner.Client.GetAsync($"{url}/usage?period=November"), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["validationErrors"]!["period"]);
        await ApiClient.ReadErrorAsync(await owner.Client.PutAsync($"{url}/clients/{a.Id}", new { externalId = new string('x', 101) }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Billing_ProviderAdminsOnly_NotTechniciansOtherProvidersClientOwnersStrangers()
    {
        var api = _a!;
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);
        var technician = await api.LoginNewUserAsync();
        await api.AddProviderUserAsync(provider, technician);
        var client = await provider.CreateClientAsync(owner, "Gamma", TestAccounts.NewEmail("g"));
        var clientOwner = await api.LoginNewUserAsync();
        await api.JoinThroughInviteAsync(client, clientOwner, Custodian.Server.Features.Organizations.OrganizationUserType.Owner);
        var otherAdmin = await api.LoginNewUserAsync();
        var other = await api.CreateProviderAsync(otherAdmin, "Other MSP");
        var url = $"/api/providers/{provider.Id}/billing";
        foreach (var denied in new[] { technician, otherAdmin, clientOwner, await api.LoginNewUserAsync() })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await denied.Client.GetAsync($"{url}/usage")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await denied.Client.GetAsync($"{url}/usage.csv")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await denied.Client.PutAsync($"{url}/clients/{client.Id}", new { externalId = "x" })).StatusCode);
        }
        // Another provider's admin cannot tag this provider's client through their own provider either.
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.Client.PutAsync($"/api/providers/{other.Id}/billing/clients/{client.Id}", new { externalId = "x" })).StatusCode);
    }
}
