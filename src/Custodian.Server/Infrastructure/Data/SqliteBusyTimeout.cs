using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Custodian.Server.Infrastructure.Data;

/// <summary>
/// Lets SQLite wait for another writer's lock itself, a few milliseconds at a time, instead of answering BUSY at
/// once: Microsoft.Data.Sqlite retries a BUSY statement only after sleeping 150 ms, so concurrent writes on the
/// embedded database had p99s of exactly 150 and 300 ms (bench/README.md). The timeout lives on the connection, so
/// it is set on every open, pooled connections included; through SQLite's C API rather than a PRAGMA statement,
/// which every request would pay to prepare and run.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>Below the 30 s command timeout, so a lock held that long still ends in Microsoft.Data.Sqlite's own error.</summary>
    const int TimeoutMilliseconds = 10_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Set(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Set(connection);
        return Task.CompletedTask;
    }

    static void Set(DbConnection connection)
    {
        var handle = ((SqliteConnection)connection).Handle;
        SqliteException.ThrowExceptionForRC(SQLitePCL.raw.sqlite3_busy_timeout(handle, TimeoutMilliseconds), handle);
    }
}
