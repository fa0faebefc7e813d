using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Infrastructure.Data;

/// <summary>
/// An exclusive lock on <c>{database}.lock</c> while a server runs on a SQLite file, so that <c>admin restore</c>
/// can tell the database is in use. The operating system drops it when the process ends, even on kill -9.
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    readonly FileStream _file;

    DatabaseLock(FileStream file) => _file = file;

    /// <summary>The lock on the configured SQLite file; null when another process holds it or there is no file.</summary>
    public static DatabaseLock? TryAcquire(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }
        var source = new SqliteConnectionStringBuilder(DatabaseSetup.ConnectionString(options));
        if (source.Mode == SqliteOpenMode.Memory || source.DataSource is "" or ":memory:")
        {
            return null;
        }
        var lockFile = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            lockFile.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            return new DatabaseLock(new FileStream(Path.GetFullPath(source.DataSource) + ".lock", lockFile));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
