using System.ComponentModel.DataAnnotations;

namespace Custodian.Server.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Section <c>Database</c>: <c>Database__Provider</c> and <c>Database__ConnectionString</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty means the SQLite file <c>./data/custodian.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations at start-up (the default; turn off when a deploy step migrates).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    [Required]
    public string DataDirectory { get; set; } = "data";
}
