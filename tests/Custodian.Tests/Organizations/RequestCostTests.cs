using Custodian.Server.Infrastructure.Data;
using Custodian.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.Organizations;

/// <summary>
/// Pins the SQL commands and connection opens of the small reads the Admin Console and the apps repeat most, so
/// their fixed cost (issue 22: a page is mostly the token check and the access check) cannot creep back. Raise a
/// limit only with a reason in bench/README.md.
/// </summary>
public sealed class RequestCostTests(CountingApiFactory api) : IClassFixture<CountingApiFactory>
{
    [Fact]
    public async Task RevisionDate_IsAnsweredFromTheTokenChecksRead()
    {
        var user = await api.LoginNewUserAsync();

        var (commands, opens) = await CountedAsync(() => user.Client.GetRevisionDateAsync());

        // The token check reads the account, on the connection it opens for the whole read; the answer comes from
        // that row.
        Assert.True(commands == 1, $"revision-date ran {commands} SQL commands:\n{api.Counter.Listing}");
        Assert.Equal(1, opens);
    }

    [Fact]
    public async Task OrgEventPage_ReadsOrgAndMembershipTogether_OnOneConnection()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();

        var (commands, opens) = await CountedAsync(() => owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/events"));

        // Token check; the org with the caller's membership (a caller in no provider is not looked up in one); the page.
        Assert.True(commands <= 3, $"the event page ran {commands} SQL commands; the limit is 3:\n{api.Counter.Listing}");
        // One for the token check and all the handler's queries.
        Assert.Equal(1, opens);
    }

    [Fact]
    public async Task MemberList_RunsOnOneConnection()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        await api.AddConfirmedMemberAsync(org, await api.LoginNewUserAsync());

        var (commands, opens) = await CountedAsync(async () =>
            Assert.Equal(2, (await owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/users"))["data"]!.AsArray().Count));

        Assert.True(commands <= MemberListCommands, $"the member list ran {commands} SQL commands; the limit is {MemberListCommands}:\n{api.Counter.Listing}");
        Assert.Equal(1, opens);
    }

    /// <summary>Token check, org with membership, the members, their groups, their collections.</summary>
    const int MemberListCommands = 5;

    [Fact]
    public async Task ProviderAdmin_StillAdministersAClient_ThroughTheProviderLookup()
    {
        var admin = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(admin);
        var client = await provider.CreateClientAsync(admin, "Client", TestAccounts.NewEmail("owner"));

        var (commands, _) = await CountedAsync(() => admin.Client.GetJsonAsync($"/api/organizations/{client.Id}/events"));

        // A provider user is looked up in the client's provider, and whether they carry its items: two commands more
        // than a member's page.
        Assert.True(commands <= 5, $"the client's event page ran {commands} SQL commands:\n{api.Counter.Listing}");
    }

    [Fact]
    public async Task SqliteConnections_WaitForAWritersLock()
    {
        Assert.SkipWhen(api.IsPostgres, "SQLite's busy timeout; PostgreSQL waits for locks itself.");
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";

        Assert.Equal(10_000L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    async Task<(int Commands, int Opens)> CountedAsync(Func<Task> request)
    {
        api.Counter.Reset();
        await request();
        return (api.Counter.Commands, api.Counter.Opens);
    }
}
