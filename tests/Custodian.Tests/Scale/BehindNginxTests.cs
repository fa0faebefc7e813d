using System.Net;
using System.Text.Json.Nodes;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Vault;

namespace Custodian.Tests.Scale;

/// <summary>
/// Two real server processes on one PostgreSQL database behind nginx, as deployed: a client that lands on either
/// instance gets the same answers, and no write that was acknowledged with 200 is ever lost. PostgreSQL pass only.
/// </summary>
public sealed class BehindNginxTests : IAsyncLifetime
{
    readonly NginxFront _front = new();

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (ApiFactory.Postgres is not null)
        {
            await _front.StartAsync(Ct);
        }
    }

    public ValueTask DisposeAsync() => _front.DisposeAsync();

    static void RequirePostgres() =>
        Assert.SkipUnless(ApiFactory.Postgres is not null, "Instances behind nginx share a PostgreSQL database; this runs in the PostgreSQL pass.");

    [Fact]
    public async Task LoginOnOneInstance_SyncAndRefreshServedByTheOther()
    {
        RequirePostgres();
        var (user, loggedInOn) = await _front.RegisterAndLoginAsync();
        var cipherId = await TestCiphers.CreateAsync(user);

        // nginx alternates between the instances, so two syncs land on both, one of them not the login's.
        var syncs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => user.Client.GetAsync("/api/sync?excludeDomains=true")));
        var first = await RefreshAsync(user.RefreshToken!);
        var second = await RefreshAsync(first.Token);

        Assert.Equal(_front.Upstreams.Order(), syncs.Select(Upstream).Order());
        Assert.Contains(syncs, s => Upstream(s) != loggedInOn);
        foreach (var sync in syncs)
        {
            Assert.Equal(cipherId.ToString(), (await ApiClient.ReadOkAsync(sync))["ciphers"]![0]!["id"]!.GetValue<string>());
        }
        // A refresh token rotated on one instance is honoured on the other.
        Assert.NotEqual(first.Upstream, second.Upstream);
    }

    async Task<(string Token, string Upstream)> RefreshAsync(string refreshToken)
    {
        var response = await _front.CreateApiClient().PostFormAsync("/identity/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = "cli", ["refresh_token"] = refreshToken,
        });
        var upstream = Upstream(response);
        var body = await ApiClient.ReadOkAsync(response);
        return (body["refresh_token"]!.GetValue<string>(), upstream);
    }

    [Fact]
    public async Task ConcurrentEditsThroughBoth_OneWinnerPerRound_AndEveryAcknowledgedWriteIsStored()
    {
        RequirePostgres();
        var (user, _) = await _front.RegisterAndLoginAsync();
        var cipherId = await TestCiphers.CreateAsync(user);

        for (var round = 0; round < 5; round++)
        {
            var known = (await user.Client.GetJsonAsync($"/api/ciphers/{cipherId}"))["revisionDate"]!.GetValue<string>();
            var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
            {
                var body = TestCiphers.Login(user, $"round {round} edit {i}");
                body["lastKnownRevisionDate"] = known;
                var response = await user.Client.PutAsync($"/api/ciphers/{cipherId}", body);
                return (Name: $"round {round} edit {i}", response.StatusCode, Upstream: Upstream(response));
            }));

            var winner = Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
            Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.OK),
                r => Assert.True(r.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, r.StatusCode.ToString()));
            Assert.Equal(2, results.Select(r => r.Upstream).Distinct().Count());
            // Read back from both instances: each shows the acknowledged edit.
            foreach (var read in await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => user.Client.GetAsync($"/api/ciphers/{cipherId}"))))
            {
                var stored = await ApiClient.ReadOkAsync(read);
                Assert.Equal(winner.Name, user.Account.Decrypt(stored["name"]!.GetValue<string>()));
            }
        }

        // Independent writes through both instances at once: all are acknowledged, and all are there.
        var created = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => TestCiphers.CreateAsync(user, TestCiphers.Login(user, $"parallel {i}"))));
        var sync = await user.Client.GetJsonAsync("/api/sync?excludeDomains=true");
        var synced = sync["ciphers"]!.AsArray().Select(c => Guid.Parse(c!["id"]!.GetValue<string>())).ToHashSet();
        Assert.All(created, id => Assert.Contains(id, synced));
    }

    static string Upstream(HttpResponseMessage response) => NginxFront.Upstream(response);
}
