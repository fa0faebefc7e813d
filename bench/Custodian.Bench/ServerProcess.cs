using System.Diagnostics;
using System.Net.Sockets;

namespace Custodian.Bench;

/// <summary>
/// The server under test as its own process (the published Release build), so that its resident memory is
/// its own and nothing of the driver's shares its heap or its thread pool.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    readonly Process _process;

    public Uri BaseAddress { get; }

    /// <summary>From the process's start to its first answered request (cold start).</summary>
    public TimeSpan StartTime { get; private set; }

    ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public static async Task<ServerProcess> StartAsync(string serverDll, BenchDatabase database, string dataDirectory,
        IReadOnlyDictionary<string, string>? extraEnvironment, CancellationToken ct)
    {
        var port = FreePort();
        // A published release is its own executable; a build is a dll that dotnet runs.
        var published = !serverDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(published ? serverDll : "dotnet")
        {
            WorkingDirectory = dataDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (!published)
        {
            start.ArgumentList.Add(serverDll);
        }
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in database.ServerEnvironment())
        {
            start.Environment[key] = value;
        }
        start.Environment["Database__DataDirectory"] = dataDirectory;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The login benchmark logs in thousands of times from one address; throttling would measure 429s.
        start.Environment["Login__MaxFailuresPerIp"] = "1000000";
        // As in production: creating a client mails its owner an invitation whose links need the vault's address
        // (without it the server refuses to send, and "create client org" measured only that refusal).
        start.Environment["Server__PublicUrl"] = "https://vault.bench.test";
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        process.OutputDataReceived += (_, e) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"[server] {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await server.WaitUntilAliveAsync(ct);
        }
        catch
        {
            // A server that never came up is not left running behind the failed run.
            await server.DisposeAsync();
            throw;
        }
        server.StartTime = clock.Elapsed;
        return server;
    }

    async Task WaitUntilAliveAsync(CancellationToken ct)
    {
        // A loaded machine can take many seconds to answer the first request; a short timeout would never see it.
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} while starting.");
            }
            try
            {
                if ((await http.GetAsync("/alive", ct)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            await Task.Delay(20, ct);
        }
        throw new TimeoutException("The server did not answer /alive within five minutes.");
    }

    /// <summary>Resident and peak resident memory in MiB, from /proc (Linux).</summary>
    public (double Rss, double Peak) Memory()
    {
        double Read(string field) => File.ReadLines($"/proc/{_process.Id}/status")
            .Where(l => l.StartsWith(field, StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024)
            .FirstOrDefault();
        return (Read("VmRSS:"), Read("VmHWM:"));
    }

    /// <summary>Resident memory not backed by a file (heaps, JIT'd code, stacks), in MiB: what mapped assemblies leave out.</summary>
    public double AnonymousRss() => File.ReadLines($"/proc/{_process.Id}/smaps_rollup")
        .Where(l => l.StartsWith("Anonymous:", StringComparison.Ordinal))
        .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024)
        .FirstOrDefault();

    /// <summary>Resident KiB by mapped file (or [heap], [anon], memfd:…), largest first, from /proc/PID/smaps.</summary>
    public string ResidentByMapping()
    {
        var byMapping = new Dictionary<string, long>();
        var current = "[anon]";
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/smaps"))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 5 && fields[0].Contains('-', StringComparison.Ordinal) && !fields[0].EndsWith(':'))
            {
                current = fields.Length >= 6 ? string.Join(' ', fields[5..]) : "[anon]";
            }
            else if (fields[0] == "Rss:")
            {
                byMapping[current] = byMapping.GetValueOrDefault(current) + long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return string.Join('\n', byMapping.OrderByDescending(m => m.Value).Select(m => $"{m.Value,8} {m.Key}")) + "\n";
    }

    /// <summary>User and system CPU time the server has used so far.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
