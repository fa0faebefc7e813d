using Custodian.Tests.Compat;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Vault;

namespace Custodian.Tests.Scale;

/// <summary>
/// Live sync across instances on one PostgreSQL database: a change made through one instance reaches a device (the
/// JavaScript SignalR client over MessagePack, as the apps connect) on another within a second, through PostgreSQL
/// LISTEN/NOTIFY without Redis and through the Redis backplane with it, also behind nginx. PostgreSQL pass only.
/// </summary>
[Collection(CompatCollection.Name)]
public sealed class LiveSyncInstancesTests
{
    static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    static void RequirePostgres() =>
        Assert.SkipUnless(ApiFactory.Postgres is not null, "Several instances share a PostgreSQL database; this runs in the PostgreSQL pass.");

    [Fact]
    public async Task OverPostgres_ChangeThroughOneInstance_ReachesADeviceOnTheOther_WithinASecond()
    {
        RequirePostgres();
        await ChangeThroughB_ReachesDeviceOnA(redis: null);
    }

    [Fact]
    public async Task OverRedis_ChangeThroughOneInstance_ReachesADeviceOnTheOther_WithinASecond()
    {
        RequirePostgres();
        await using var redis = await TestRedis.StartAsync();
        await ChangeThroughB_ReachesDeviceOnA(redis.ConnectionString);
    }

    static async Task ChangeThroughB_ReachesDeviceOnA(string? redis)
    {
        var database = $"custodian_test_{Guid.NewGuid():N}";
        try
        {
            await using var a = new CompatServer(database, redis);
            await a.InitializeAsync();
            await using var b = new CompatServer(database, redis);   // starts after A migrated the schema, as a second node would
            await b.InitializeAsync();

            var user = await a.LoginNewUserAsync();
            await using var onA = await LiveSyncClient.ConnectAsync(a, user.AccessToken);
            var throughB = b.CreateApiClient();
            throughB.UseToken(user.AccessToken);
            var cipherId = await TestCiphers.CreateAsync(new TestUser(user.Id, user.Account, throughB, user.AccessToken, user.RefreshToken));

            var message = await onA.WaitForAsync(1, Second);
            Assert.NotNull(message);
            Assert.Equal(cipherId.ToString(), message["Payload"]!["Id"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(InstanceFactory.KeyFile(database));
        }
    }

    [Fact]
    public async Task BehindNginx_OverRedis_ChangesThroughEitherInstance_ReachTheDevice_WithinASecond()
    {
        RequirePostgres();
        await using var redis = await TestRedis.StartAsync();
        await using var front = new NginxFront(redis.ConnectionString);
        await front.StartAsync(TestContext.Current.CancellationToken);
        var (user, _) = await front.RegisterAndLoginAsync();
        await using var device = await LiveSyncClient.ConnectAsync(front.BaseAddress.ToString().TrimEnd('/'), null, user.AccessToken);

        // nginx alternates between the instances, so of two creates one is made by the instance without the WebSocket.
        var upstreams = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var response = await user.Client.PostAsync("/api/ciphers", TestCiphers.Login(user, $"item {i}"));
            upstreams.Add(NginxFront.Upstream(response));
            var created = await ApiClient.ReadOkAsync(response);
            var message = await device.WaitForAsync(1, Second);
            Assert.NotNull(message);
            Assert.Equal(created["id"]!.GetValue<string>(), message["Payload"]!["Id"]!.GetValue<string>());
        }
        Assert.Equal(front.Upstreams.Order(), upstreams.Order());
    }
}
