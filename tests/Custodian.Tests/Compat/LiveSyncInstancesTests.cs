using Custodian.Tests.Infrastructure;
using Custodian.Tests.Vault;

namespace Custodian.Tests.Compat;

/// <summary>
/// Two real instances (Kestrel, HTTPS) on one PostgreSQL database without Redis: a change made through one
/// reaches a device connected to the other, through PostgreSQL LISTEN/NOTIFY. PostgreSQL pass only.
/// </summary>
[Collection(CompatCollection.Name)]
public sealed class LiveSyncInstancesTests : IAsyncLifetime
{
    readonly string _database = $"custodian_test_{Guid.NewGuid():N}";
    CompatServer? _a;
    CompatServer? _b;

    public async ValueTask InitializeAsync()
    {
        if (ApiFactory.Postgres is null)
        {
            return;
        }
        _a = new CompatServer(_database);
        await _a.InitializeAsync();
        _b = new CompatServer(_database);
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
    }

    [Fact]
    public async Task ChangeThroughOneInstance_ReachesADeviceOnTheOther_WithinASecond()
    {
        Assert.SkipUnless(ApiFactory.Postgres is not null, "Several instances share a PostgreSQL database; this runs in the PostgreSQL pass.");
        var user = await _a!.LoginNewUserAsync();
        await using var onA = await LiveSyncClient.ConnectAsync(_a!, user.AccessToken);
        var throughB = _b!.CreateApiClient();
        throughB.UseToken(user.AccessToken);

        var cipherId = await TestCiphers.CreateAsync(new TestUser(user.Id, user.Account, throughB, user.AccessToken, user.RefreshToken));
        var message = await onA.WaitForAsync(1, TimeSpan.FromSeconds(1));
        Assert.NotNull(message);
        Assert.Equal(cipherId.ToString(), message["Payload"]!["Id"]!.GetValue<string>());
    }
}
