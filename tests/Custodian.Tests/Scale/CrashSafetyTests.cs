using System.Collections.Concurrent;
using System.Net;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Support;
using Custodian.Tests.Vault;

namespace Custodian.Tests.Scale;

/// <summary>
/// kill -9 during concurrent item writes loses no acknowledged item: a real server process on SQLite (or on
/// PostgreSQL in the PostgreSQL pass) is killed mid-way, restarted on the same database, and every item that got a
/// 200 is there.
/// </summary>
public sealed class CrashSafetyTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KillDuringWrites_Restart_KeepsEveryAcknowledgedItem()
    {
        var directory = Directory.CreateTempSubdirectory("custodian-crash-");
        var database = $"custodian_crash_{Guid.NewGuid():N}";
        var environment = ServerProcess.SqliteEnvironment(Path.Combine(directory.FullName, "custodian.db"), directory.FullName);
        if (ApiFactory.Postgres is not null)
        {
            environment["Database__Provider"] = "Postgres";
            environment["Database__ConnectionString"] = $"{ApiFactory.Postgres};Database={database}";
        }
        try
        {
            var account = ClientAccount.CreateFast(TestAccounts.NewEmail("crash"), TestAccounts.DefaultPassword);
            var acknowledged = new ConcurrentBag<string>();
            await using (var server = await ServerProcess.StartAsync(environment))
            {
                var user = await RegisterAndLoginAsync(server, account);
                using var writing = CancellationTokenSource.CreateLinkedTokenSource(Ct);
                var writers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => WriteUntilGoneAsync(user, acknowledged, writing.Token), Ct)).ToList();
                while (acknowledged.Count < 50)
                {
                    await Task.Delay(20, Ct);
                }
                await server.KillAsync();   // SIGKILL mid-write
                await Task.WhenAll(writers);
            }

            await using var restarted = await ServerProcess.StartAsync(environment);
            var again = await LoginAsync(restarted, account);
            var list = await again.Client.GetJsonAsync("/api/ciphers");
            var present = list["data"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToHashSet();

            Assert.True(acknowledged.Count >= 50);
            Assert.All(acknowledged, id => Assert.Contains(id, present));
        }
        finally
        {
            directory.Delete(recursive: true);
            await ApiFactory.DropPostgresDatabaseAsync(database);
        }
    }

    /// <summary>Creates items until the server is gone; records those it answered 200 for.</summary>
    static async Task WriteUntilGoneAsync(TestUser user, ConcurrentBag<string> acknowledged, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var response = await user.Client.Http.PostAsync("/api/ciphers",
                    System.Net.Http.Json.JsonContent.Create(TestCiphers.Login(user, "crash"), options: ApiClient.Json), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
                    acknowledged.Add(body["id"]!.GetValue<string>());
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
            {
                return;   // the server is gone
            }
        }
    }

    static ApiClient Client(ServerProcess server)
    {
        var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("Device-Type", "25");
        return new ApiClient(http);
    }

    static async Task<TestUser> RegisterAndLoginAsync(ServerProcess server, ClientAccount account)
    {
        await ApiClient.ReadOkAsync(await Client(server).PostAsync("/identity/accounts/register", TestAccounts.RegisterBody(account)));
        return await LoginAsync(server, account);
    }

    static async Task<TestUser> LoginAsync(ServerProcess server, ClientAccount account)
    {
        var token = await ApiClient.ReadOkAsync(await Client(server).PostFormAsync("/identity/connect/token", TestAccounts.PasswordForm(account)));
        var client = Client(server);
        client.UseToken(token["access_token"]!.GetValue<string>());
        var profile = await client.GetJsonAsync("/api/accounts/profile");
        return new TestUser(Guid.Parse(profile["id"]!.GetValue<string>()), account, client, token["access_token"]!.GetValue<string>(), null);
    }
}
