using System.Diagnostics;
using System.Globalization;

namespace Custodian.Bench;

/// <summary>
/// The server's footprint under one set of runtime settings: cold start to the first answered request, resident
/// memory when idle (after start-up and after the first logins and syncs), and its peak during four concurrent
/// 5,000-item syncs. <c>--env "NAME=value,NAME=value"</c> sets the runtime knobs tried (GC, tiering);
/// <c>--server</c> takes a build's dll or a published release's executable; <c>--smaps FILE</c> writes where the
/// idle resident memory is, by mapping (every loaded assembly is one).
/// </summary>
sealed class Footprint(BenchDatabase database, BenchManifest manifest, Options options, string dataDirectory)
{
    public async Task<string> RunAsync(CancellationToken ct)
    {
        var environment = options.ServerEnvironment();
        var serverPath = Path.GetFullPath(options.Get("server", "src/Custodian.Server/bin/Release/net10.0/Custodian.Server.dll"));
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        await using var server = await ServerProcess.StartAsync(serverPath, database, dataDirectory, environment, ct);
        var started = server.StartTime;
        // The start's CPU time, which unlike its wall time does not grow with other load on the machine.
        var startCpu = server.CpuTime();
        var atStart = server.Memory().Rss;
        var anonymous = server.AnonymousRss();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 16 };
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        var api = new ApiScenarios(http, manifest);
        var floor = new NativeFloor(Path.GetFullPath(options.Get("floor", "bench/floor/floor")), database);
        var big = manifest.SyncUsers[^1];
        var small = manifest.SyncUsers[0];
        var bigItems = await floor.HashAsync(NativeFloor.Sync(big.Id), ct);
        var smallItems = await floor.HashAsync(NativeFloor.Sync(small.Id), ct);
        await api.LoginAllAsync(ct);
        var first = Stopwatch.StartNew();
        await api.SyncAsync(small, smallItems, ct);
        var firstSync = first.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(5), ct);
        var idle = server.Memory().Rss;
        if (options.Find("smaps") is { } smapsFile)
        {
            await File.WriteAllTextAsync(smapsFile, server.ResidentByMapping(), ct);
        }
        for (var round = 0; round < options.Int("rounds", 5); round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => api.SyncAsync(big, bigItems, ct)));
        }
        var (after, peak) = server.Memory();
        static string F(double v) => v.ToString("F0", CultureInfo.InvariantCulture);
        return $"| {options.Get("label", environment.Count == 0 ? "defaults" : string.Join(' ', environment.Select(e => $"{e.Key}={e.Value}")))} "
            + $"| {started.TotalMilliseconds:F0} | {startCpu.TotalMilliseconds:F0} | {firstSync.TotalMilliseconds:F0} | {F(atStart)} ({F(anonymous)}) | {F(idle)} | {F(peak)} | {F(after)} | {load} |";
    }

    public const string Header = "| settings | start to first answer ms | its CPU ms | first sync (100 items) ms | RSS at start MiB (anonymous) | RSS idle after first requests MiB | peak RSS, 4 concurrent 5,000-item syncs MiB | RSS after MiB | load |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|";
}
