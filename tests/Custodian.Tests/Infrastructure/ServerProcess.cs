using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Custodian.Tests.Infrastructure;

public sealed record CommandResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// The Release server as its own process on a SQLite file (an <c>admin</c> command, or a server that can be killed),
/// with the test settings of <see cref="ApiFactory"/>.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    readonly Process _process;

    ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Generous: a fresh PostgreSQL database is migrated at start-up, on a busy CI machine.</summary>
    static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    public static Dictionary<string, string> SqliteEnvironment(string databaseFile, string dataDirectory) => new()
    {
        ["Database__Provider"] = "Sqlite",
        ["Database__ConnectionString"] = $"Data Source={databaseFile}",
        ["Database__DataDirectory"] = dataDirectory,
        ["Accounts__MinimumPbkdf2Iterations"] = "5000",
        ["Login__MaxFailuresPerIp"] = "100000",
        ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    static ProcessStartInfo StartInfo(Dictionary<string, string> environment, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Custodian.Server.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        return start;
    }

    /// <summary>Runs <c>Custodian.Server.dll ARGS</c> to its end (an <c>admin</c> command).</summary>
    public static async Task<CommandResult> RunAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(environment, arguments))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a server on a free loopback port and waits until it answers /alive.</summary>
    public static async Task<ServerProcess> StartAsync(Dictionary<string, string> environment)
    {
        var port = FreePort.Next();
        var process = Process.Start(StartInfo(environment, ["--urls", $"http://127.0.0.1:{port}"]))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(2) };
        var started = Stopwatch.StartNew();
        while (started.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {process.ExitCode} while starting.");
            }
            try
            {
                if ((await http.GetAsync("/alive")).StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        await server.DisposeAsync();
        throw new TimeoutException($"The server did not start within {StartTimeout.TotalSeconds} s.");
    }

    /// <summary>SIGKILL: no shutdown, no flush beyond what the database already made durable.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
    }
}
