using System.Runtime.InteropServices;

namespace Custodian.Server.Infrastructure.Data;

/// <summary>
/// Files the server writes hold vault data, invitation tokens or keys: only the server's own OS user may read them.
/// </summary>
public static partial class DataFiles
{
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> (and missing parents) as 0700, and returns its full path.</summary>
    public static string EnsureDirectory(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
        }
        else if (!Directory.Exists(full))
        {
            Directory.CreateDirectory(full, PrivateDirectory);
        }
        return full;
    }

    /// <summary>
    /// Writes <paramref name="path"/> under a hidden temporary name beside it, then renames it into place in one
    /// step: a reader (an operator's script, the tests, another request) finds the old file or the whole new one,
    /// never half of it. The temporary file goes if the write fails.
    /// </summary>
    public static async Task WriteWholeAsync(string path, Func<string, Task> write)
    {
        var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Guid.NewGuid():N}.partial");
        try
        {
            await write(temp);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>
    /// Narrows what an older version left readable by others: the data directory to 0700 and the files directly
    /// in it (the SQLite database and its journals, the key file) to 0600. Runs once at start-up.
    /// </summary>
    public static void SecureExisting(string dataDirectory)
    {
        var full = Path.GetFullPath(dataDirectory);
        if (OperatingSystem.IsWindows() || !Directory.Exists(full))
        {
            return;
        }
        TrySetMode(full, PrivateDirectory);
        foreach (var file in Directory.EnumerateFiles(full))
        {
            TrySetMode(file, PrivateFile);
        }
    }

    /// <summary>A mount point or file owned by another user cannot be changed; the operator's setup stands then.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    static void TrySetMode(string path, UnixFileMode mode)
    {
        try
        {
            File.SetUnixFileMode(path, mode);
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Sets the process umask to 077, so that every file the server or a library it loads creates (the SQLite
    /// database and its journal files, attachments, outbox mail) is 0600 and every directory 0700.
    /// </summary>
    public static void RestrictNewFiles()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            _ = umask(0b000_111_111);
        }
    }

    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    static extern uint umask(uint mask);
}
