using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Custodian.Server.Infrastructure.Data;

/// <summary>
/// Lets SQLite wait for another writer's lock itself, a few milliseconds at a time, instead of answering BUSY at
/// once: Microsoft.Data.Sqlite retries a BUSY statement only after sleeping 150 ms, so concurrent writes on the
/// embedded database had p99s of exactly 150 and 300 ms (bench/README.md). The pragma lives on the connection, so
/// it is set on every open, pooled connections included.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>Below the 30 s command timeout, so a lock held that long still ends in Microsoft.Data.Sqlite's own error.</summary>
    const string Pragma = "PRAGMA busy_timeout = 10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
