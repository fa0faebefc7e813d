using Custodian.Server.Features.Vault;
using Custodian.Server.Infrastructure.Data;
using Custodian.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.Platform;

/// <summary>
/// Contexts are pooled: one unit of work's context is handed to the next after EF resets its own state. The live-sync
/// messages a context collects are Custodian's state, not EF's; left behind (a unit of work that saved and never
/// reached the dispatch, such as a background job), the next request's dispatch would address them to its own users.
/// </summary>
public sealed class PooledContextTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AReusedContext_StartsWithAnEmptyLiveSyncOutbox()
    {
        AppDbContext first;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            first.Folders.Add(new Folder { Id = Guid.NewGuid(), UserId = Guid.NewGuid(), Name = "2.stale|left|behind" });
            first.Pushes.Stage(first.ChangeTracker.Entries());
            first.Pushes.Commit();   // committed, never drained
        }

        // The pool hands out contexts in the order they came back, so take them until the first one is reached.
        var leases = new List<AsyncServiceScope>();
        try
        {
            AppDbContext? reused = null;
            while (reused is null && leases.Count < 64)
            {
                leases.Add(api.Services.CreateAsyncScope());
                var db = leases[^1].ServiceProvider.GetRequiredService<AppDbContext>();
                Assert.Empty(db.Pushes.Drain());
                reused = ReferenceEquals(db, first) ? db : null;
            }

            Assert.NotNull(reused);   // the pool handed the same context on; otherwise this proves nothing
            Assert.Empty(reused.ChangeTracker.Entries());
        }
        finally
        {
            foreach (var lease in leases)
            {
                await lease.DisposeAsync();
            }
        }
    }
}
