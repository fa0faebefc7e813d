using Custodian.Server.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Features.Admin;

/// <summary>
/// <c>admin backup</c> and <c>admin restore</c> for SQLite, through SQLite's online backup API: a consistent copy
/// while the server keeps writing. Attachments are files under the data directory and are not in the backup.
/// PostgreSQL is backed up with its own tools.
/// </summary>
public static class DatabaseBackup
{
    public const string PostgresAdvice =
        "With PostgreSQL, back up with pg_dump and restore with pg_restore, e.g.\n" +
        "  pg_dump --format=custom --file=custodian.dump \"$DATABASE\"\n" +
        "  pg_restore --clean --if-exists --no-owner --dbname=\"$DATABASE\" custodian.dump\n" +
        "(and copy {DataDirectory}/attachments with the dump).";

    const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Copies the live database into <paramref name="output"/> (created 0600, never overwritten).</summary>
    public static async Task<int> BackupAsync(IServiceProvider services, string output)
    {
        if (SqliteConnectionString(services) is not { } source)
        {
            return await FailAsync(PostgresAdvice, 2);
        }
        var target = Path.GetFullPath(output);
        if (File.Exists(target))
        {
            return await FailAsync($"{target} exists; choose a new file.", 1);
        }
        var partial = target + ".partial";
        File.Create(partial, 0, FileOptions.None).Dispose();
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(partial, OwnerOnly);   // the vault's ciphertext and every account's hashes
        }
        await using (var from = new SqliteConnection(source))
        await using (var to = new SqliteConnection($"Data Source={partial};Pooling=False"))
        {
            await from.OpenAsync();
            await to.OpenAsync();
            from.BackupDatabase(to);
        }
        File.Move(partial, target);
        Console.WriteLine($"Backed up the database to {target}. Attachments are not in it: copy {AttachmentsOf(services)} too.");
        return 0;
    }

    /// <summary>Replaces the configured database with <paramref name="input"/> after checking it is a Custodian database this server can run.
    /// <paramref name="held"/> is this command's lock on the database; null means a server holds it.</summary>
    public static async Task<int> RestoreAsync(IServiceProvider services, string input, bool force, DatabaseLock? held)
    {
        if (SqliteConnectionString(services) is not { } target)
        {
            return await FailAsync(PostgresAdvice, 2);
        }
        if (!File.Exists(input))
        {
            return await FailAsync($"{input} does not exist.", 1);
        }
        if (await CheckBackupAsync(services, input) is { } problem)
        {
            return await FailAsync($"{input} cannot be restored: {problem}", 1);
        }
        if (held is null && !force)
        {
            return await FailAsync("A Custodian server is using this database; stop it first (or pass --force to overwrite it anyway).", 1);
        }
        SqliteConnection.ClearAllPools();
        await using (var from = new SqliteConnection($"Data Source={input};Mode=ReadOnly;Pooling=False"))
        await using (var to = new SqliteConnection(target))
        {
            await from.OpenAsync();
            await to.OpenAsync();
            from.BackupDatabase(to);
        }
        SqliteConnection.ClearAllPools();
        Console.WriteLine($"Restored the database from {input}. Restore {AttachmentsOf(services)} from the same point in time.");
        return 0;
    }

    /// <summary>Null when <paramref name="file"/> is an intact Custodian database of a schema this server knows.</summary>
    static async Task<string?> CheckBackupAsync(IServiceProvider services, string file)
    {
        try
        {
            await using var backup = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            await backup.OpenAsync();
            await using var check = backup.CreateCommand();
            check.CommandText = "PRAGMA quick_check";
            if (await check.ExecuteScalarAsync() as string != "ok")
            {
                return "the file is damaged";
            }
            check.CommandText = "SELECT MigrationId FROM \"__EFMigrationsHistory\"";
            var applied = new List<string>();
            await using (var reader = await check.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    applied.Add(reader.GetString(0));
                }
            }
            await using var scope = services.CreateAsyncScope();
            var known = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            var unknown = applied.Where(m => !known.Contains(m)).ToList();
            return applied.Count == 0 ? "it holds no Custodian schema"
                : unknown.Count > 0 ? $"it comes from a newer Custodian (schema {unknown[^1]}); upgrade this server first"
                : null;
        }
        catch (SqliteException e)
        {
            return $"it is not a Custodian database ({e.Message})";
        }
    }

    static string? SqliteConnectionString(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        return options.Provider == DatabaseProvider.Sqlite ? DatabaseSetup.ConnectionString(options) : null;
    }

    static string AttachmentsOf(IServiceProvider services) =>
        Path.Combine(Path.GetFullPath(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.DataDirectory), "attachments");

    static async Task<int> FailAsync(string message, int code)
    {
        await Console.Error.WriteLineAsync(message);
        return code;
    }
}
