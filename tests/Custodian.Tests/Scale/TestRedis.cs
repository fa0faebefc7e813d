using System.Diagnostics;

namespace Custodian.Tests.Scale;

/// <summary>
/// A private redis-server for one test (<c>scripts/redis.sh</c>: Debian's redis-server on a loopback port, in a
/// temporary directory, which ./test.sh installs), removed with it.
/// </summary>
public sealed class TestRedis : IAsyncDisposable
{
    readonly string _directory = Path.Combine(Path.GetTempPath(), $"custodian-redis-{Guid.NewGuid():N}");

    TestRedis() { }

    /// <summary>The StackExchange.Redis connection string (host:port).</summary>
    public string ConnectionString { get; private set; } = "";

    public static async Task<TestRedis> StartAsync()
    {
        var redis = new TestRedis();
        redis.ConnectionString = await redis.ScriptAsync("start");
        return redis;
    }

    async Task<string> ScriptAsync(string command)
    {
        var start = new ProcessStartInfo(Script) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(_directory);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return process.ExitCode == 0 ? (await output).Trim()
            : throw new InvalidOperationException($"scripts/redis.sh {command} failed: {await error}");
    }

    static string Script
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Custodian.slnx")))
            {
                dir = dir.Parent;
            }
            return dir is null ? throw new InvalidOperationException("The repository (scripts/redis.sh) was not found above the test binaries.")
                : Path.Combine(dir.FullName, "scripts", "redis.sh");
        }
    }

    public async ValueTask DisposeAsync() => await ScriptAsync("stop");
}
