using Custodian.Tests.Infrastructure;
using Custodian.Tests.Platform;
using Custodian.Tests.Vault;

namespace Custodian.Tests.Compat;

/// <summary>
/// A fresh HTTPS server whose SQLite file is first restored from a backup by <c>admin restore</c>. It is given the
/// source's secret key file, as an operator restores it with the database: the key ring in the backup is encrypted with it.
/// </summary>
public sealed class RestoredCompatServer(string backupFile, string secretKeyFile) : CompatServer
{
    string DatabaseFile => Path.Combine(DataDirectory, "restored.db");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = $"Data Source={DatabaseFile}",
    };

    public CommandResult? Restore { get; private set; }

    public override async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        File.Copy(secretKeyFile, Path.Combine(DataDirectory, "secret.key"));
        Restore = await ServerProcess.RunAsync(ServerProcess.SqliteEnvironment(DatabaseFile, DataDirectory), "admin", "restore", "--input", backupFile);
        await base.InitializeAsync();
    }
}

/// <summary>
/// <c>admin backup</c> of a server's SQLite database while items are being written, restored by <c>admin restore</c>
/// into a fresh server, where the official CLI logs in and decrypts the same items.
/// </summary>
[Collection(CompatCollection.Name)]
public sealed class CliBackupRestoreTests
{
    [Fact]
    public async Task Backup_WhileWriting_RestoredServer_CliDecryptsTheSameItems()
    {
        await using var source = new SqliteFileFactory();
        await source.InitializeAsync();
        var user = await source.LoginNewUserAsync();
        var before = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            before.Add($"before-{i}");
            await TestCiphers.CreateAsync(user, TestCiphers.Login(user, before[^1]));
        }
        var environment = ServerProcess.SqliteEnvironment(source.DatabaseFile, source.DataDirectory);
        var backupFile = Path.Combine(source.DataDirectory, "custodian.backup");

        using var stop = new CancellationTokenSource();
        var writes = Task.Run(async () =>
        {
            var written = 0;
            while (!stop.IsCancellationRequested)
            {
                await TestCiphers.CreateAsync(user, TestCiphers.Login(user, $"during-{written++}"));
            }
            return written;
        }, TestContext.Current.CancellationToken);
        var backup = await ServerProcess.RunAsync(environment, "admin", "backup", "--output", backupFile);
        var refused = await ServerProcess.RunAsync(environment, "admin", "restore", "--input", backupFile);
        await stop.CancelAsync();
        Assert.True(await writes > 0);

        Assert.True(backup.ExitCode == 0, backup.Stderr);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backupFile));
        }
        Assert.Equal(1, refused.ExitCode);   // the source server holds the database
        Assert.Contains("--force", refused.Stderr, StringComparison.Ordinal);

        await using var restored = new RestoredCompatServer(backupFile, Path.Combine(source.DataDirectory, "secret.key"));
        await restored.InitializeAsync();
        Assert.True(restored.Restore!.ExitCode == 0, restored.Restore.Stderr);
        using var bw = new BwCli(restored);
        (await bw.ConfigServerAsync()).EnsureSuccess("config server");
        (await bw.LoginAsync(user.Email, user.Account.Password)).EnsureSuccess("login");
        var names = (await bw.RunAsync("list", "items")).EnsureSuccess("list items").Json().AsArray()
            .Select(i => i!["name"]!.GetValue<string>()).ToList();

        Assert.Subset(names.ToHashSet(), before.ToHashSet());
        Assert.All(names, n => Assert.Matches("^(before|during)-[0-9]+$", n));
        Assert.Equal("s3cret!", (await bw.RunAsync("get", "password", "before-0")).EnsureSuccess("get password").Stdout.Trim());
    }

    [Fact]
    public async Task Restore_NotACustodianDatabase_IsRefused()
    {
        var directory = Directory.CreateTempSubdirectory("custodian-restore-");
        try
        {
            var junk = Path.Combine(directory.FullName, "junk.db");
            await File.WriteAllTextAsync(junk, "not a database", TestContext.Current.CancellationToken);
            var result = await ServerProcess.RunAsync(ServerProcess.SqliteEnvironment(Path.Combine(directory.FullName, "c.db"), directory.FullName),
                "admin", "restore", "--input", junk);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("cannot be restored", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
