using System.Data.Common;
using Custodian.Server.Infrastructure.Data;
using Custodian.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.Vault;

/// <summary>
/// Pins the number of SQL commands a small sync runs (the token check included), so that the fixed cost of every
/// sync (issue 22: a 100-item sync is mostly this) cannot creep back one query at a time. Raise a limit only with
/// a reason in bench/README.md ("The fixed cost of a small sync").
/// </summary>
public sealed class SyncCommandCountTests(SyncCommandCountTests.CountingApiFactory api) : IClassFixture<SyncCommandCountTests.CountingApiFactory>
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
        return (api.Counter.Count, sync);
    }

    /// <summary>A server whose database contexts count the commands run for <c>/api/sync</c> requests.</summary>
    public sealed class CountingApiFactory : ApiFactory
    {
        public SyncCommandCounter Counter { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(Counter));
                services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(Counter));
            });
        }
    }

    /// <summary>Counts by the request being served (background services run no request), whatever the command's kind.</summary>
    public sealed class SyncCommandCounter : DbCommandInterceptor
    {
        static readonly HttpContextAccessor Request = new();
        readonly System.Collections.Concurrent.ConcurrentQueue<string> _commands = new();

        public int Count => _commands.Count;

        /// <summary>The commands (their start), for a failure message that names what was added.</summary>
        public string Listing => string.Join("\n", _commands);

        public void Reset() => _commands.Clear();

        void Seen(DbCommand command)
        {
            if (Request.HttpContext?.Request.Path == "/api/sync")
            {
                var text = command.CommandText.ReplaceLineEndings(" ");
                _commands.Enqueue(text[..Math.Min(400, text.Length)]);
            }
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Seen(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Seen(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Seen(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Seen(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Seen(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Seen(command);
            return ValueTask.FromResult(result);
        }
    }
}
