using System.Net;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Vault;

namespace Custodian.Tests.Scale;

/// <summary>
/// One of several server instances on one shared database. Each has its own data directory; they share the
/// secret-protection key file, as instances on shared storage do.
/// </summary>
public sealed class InstanceFactory : ApiFactory
{
    readonly string _keyFile;

    public InstanceFactory(string databaseName) : base(databaseName) => _keyFile = KeyFile(databaseName);

    public static string KeyFile(string databaseName) => Path.Combine(Path.GetTempPath(), $"{databaseName}.secret.key");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Secrets:KeyFile"] = _keyFile };
}

/// <summary>
/// Two server instances on one PostgreSQL database, as behind a load balancer: whatever one instance issues
/// (tokens, data-protection tokens) the other accepts, and concurrent edits through both never lose an
/// acknowledged write. PostgreSQL only: SQLite is the single-instance embedded store.
/// </summary>
public sealed class SeveralInstancesTests : IAsyncLifetime
{
    readonly string _database = $"custodian_test_{Guid.NewGuid():N}";
    InstanceFactory? _a;
    InstanceFactory? _b;

    InstanceFactory A => _a!;
    InstanceFactory B => _b!;

    public async ValueTask InitializeAsync()
    {
        if (ApiFactory.Postgres is null)
        {
            return;
        }
        _a = new InstanceFactory(_database);
        await _a.InitializeAsync();
        _b = new InstanceFactory(_database);   // starts after A migrated the schema, as a second node would
        await _b.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_b is not null)
        {
            await _b.DisposeAsync();
        }
        if (_a is not null)
        {
            await _a.DisposeAsync();
        }
        File.Delete(InstanceFactory.KeyFile(_database));
    }

    static void RequirePostgres() =>
        Assert.SkipUnless(ApiFactory.Postgres is not null, "Several instances share a PostgreSQL database; this runs in the PostgreSQL pass.");

    [Fact]
    public async Task LoginOnOne_SyncRefreshAndWritesOnTheOther()
    {
        RequirePostgres();
        var onA = await A.LoginNewUserAsync();
        var onB = B.CreateApiClient();
        onB.UseToken(onA.AccessToken);

        var cipherId = await TestCiphers.CreateAsync(new TestUser(onA.Id, onA.Account, onB, onA.AccessToken, onA.RefreshToken));
        var sync = await onA.Client.GetJsonAsync("/api/sync?excludeDomains=true");
        var refreshed = await B.CreateApiClient().PostFormAsync("/identity/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = "cli", ["refresh_token"] = onA.RefreshToken!,
        });
        var account = Support.ClientAccount.CreateFast(TestAccounts.NewEmail("newcomer"), TestAccounts.DefaultPassword);
        var verification = await A.CreateApiClient().PostAsync("/identity/accounts/register/send-verification-email",
            new { email = account.Email, name = "N", receiveMarketingEmails = false });
        var token = (await verification.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Trim('"');
        // A token protected on A is read on B: the data-protection key ring lives in the shared database.
        var registered = await B.CreateApiClient().PostAsync("/identity/accounts/register/finish", Identity.RegistrationTests.FinishBody(account, token));

        Assert.Equal(cipherId.ToString(), sync["ciphers"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await A.PasswordLoginAsync(account)).ContainsKey("access_token") ? HttpStatusCode.OK : HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ConcurrentEditsThroughBoth_ExactlyOneWins_NoAcknowledgedWriteIsLost()
    {
        RequirePostgres();
        var user = await A.LoginNewUserAsync();
        var onB = B.CreateApiClient();
        onB.UseToken(user.AccessToken);
        var cipherId = await TestCiphers.CreateAsync(user);
        var read = await user.Client.GetJsonAsync($"/api/ciphers/{cipherId}");
        var known = read["revisionDate"]!.GetValue<string>();

        var attempts = Enumerable.Range(0, 12).Select(async i =>
        {
            var body = TestCiphers.Login(user, $"edit {i}");
            body["lastKnownRevisionDate"] = known;
            var response = await (i % 2 == 0 ? user.Client : onB).PutAsync($"/api/ciphers/{cipherId}", body);
            return (Name: $"edit {i}", response.StatusCode);
        }).ToList();
        var results = await Task.WhenAll(attempts);

        var winners = results.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Single(winners);
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.True(r.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        var stored = await onB.GetJsonAsync($"/api/ciphers/{cipherId}");
        Assert.Equal(winners[0].Name, user.Account.Decrypt(stored["name"]!.GetValue<string>()));
    }
}
