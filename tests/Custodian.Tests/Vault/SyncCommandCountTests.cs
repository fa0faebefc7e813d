using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Vault;

/// <summary>
/// Pins the number of SQL commands a small sync runs (the token check included), so that the fixed cost of every
/// sync (issue 22: a 100-item sync is mostly this) cannot creep back one query at a time. Raise a limit only with
/// a reason in bench/README.md ("The fixed cost of a small sync").
/// </summary>
public sealed class SyncCommandCountTests(CountingApiFactory api) : IClassFixture<CountingApiFactory>
{
    /// <summary>Token check with the account and its flags, memberships, folders, policies, items.</summary>
    const int PersonalSyncCommands = 5;

    /// <summary>The above, and a member's collection grants with their collections, and the items' collection links.</summary>
    const int MemberSyncCommands = 7;

    [Fact]
    public async Task Sync_PersonalVault_RunsAtMostThePinnedNumberOfCommands()
    {
        var user = await api.LoginNewUserAsync();
        var folder = await TestCiphers.CreateFolderAsync(user);
        await TestCiphers.CreateAsync(user, TestCiphers.Login(user, "Mail", folder.ToString()));
        await TestCiphers.CreateAsync(user);

        var (commands, sync) = await CountedSyncAsync(user);

        Assert.Equal(2, sync["ciphers"]!.AsArray().Count);
        Assert.Single(sync["folders"]!.AsArray());
        Assert.True(commands <= PersonalSyncCommands, $"A personal sync ran {commands} SQL commands; the limit is {PersonalSyncCommands}:\n{api.Counter.Listing}");
    }

    [Fact]
    public async Task Sync_MemberWithCollectionGrant_RunsAtMostThePinnedNumberOfCommands()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var user = await api.LoginNewUserAsync();
        var memberId = await api.AddConfirmedMemberAsync(org, user);
        var collection = await org.CreateCollectionAsync("Shared", TestCollections.Access(memberId, readOnly: true));
        await org.CreateItemAsync(owner, "Router", collection);
        await TestCiphers.CreateAsync(user);

        var (commands, sync) = await CountedSyncAsync(user);

        Assert.Equal(2, sync["ciphers"]!.AsArray().Count);
        Assert.Single(sync["collections"]!.AsArray());
        Assert.Single(sync["profile"]!["organizations"]!.AsArray());
        Assert.True(commands <= MemberSyncCommands, $"A member's sync ran {commands} SQL commands; the limit is {MemberSyncCommands}:\n{api.Counter.Listing}");
    }

    async Task<(int Commands, System.Text.Json.Nodes.JsonObject Sync)> CountedSyncAsync(TestUser user)
    {
        api.Counter.Reset();
        var sync = await user.Client.GetJsonAsync("/api/sync?excludeDomains=true");
        return (api.Counter.Commands, sync);
    }
}
