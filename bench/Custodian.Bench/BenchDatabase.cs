using System.Data.Common;
using Custodian.Server.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Custodian.Bench;

/// <summary>The database under test, opened as the server opens it (same model, same migrations).</summary>
public sealed record BenchDatabase(DatabaseProvider Provider, string ConnectionString)
{
    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    /// <summary>A context without the server's revision interceptor: the generator sets every date itself.</summary>
    public AppDbContext CreateContext()
    {
        AppDbContext db = IsPostgres
            ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(ConnectionString).Options)
            : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(ConnectionString).Options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return db;
    }

    public DbConnection OpenConnection()
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>The environment that points a server process at this database.</summary>
    public IReadOnlyDictionary<string, string> ServerEnvironment() => new Dictionary<string, string>
    {
        ["Database__Provider"] = Provider.ToString(),
        ["Database__ConnectionString"] = ConnectionString,
    };

    public static BenchDatabase From(string provider, string? connection, string dataDirectory) =>
        provider.ToLowerInvariant() switch
        {
            "postgres" => new(DatabaseProvider.Postgres, connection
                ?? throw new ArgumentException("--conn is required for PostgreSQL.")),
            "sqlite" => new(DatabaseProvider.Sqlite, connection ?? $"Data Source={Path.GetFullPath(Path.Combine(dataDirectory, "custodian.db"))}"),
            _ => throw new ArgumentException($"Unknown database '{provider}': use sqlite or postgres."),
        };
}
