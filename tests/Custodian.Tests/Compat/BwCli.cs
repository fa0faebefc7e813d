using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Custodian.Tests.Compat;

public sealed record BwResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Asserts success; the message carries the CLI's own output, never the secrets passed by environment.</summary>
    public BwResult EnsureSuccess(string command)
    {
        Assert.True(ExitCode == 0, $"`bw {command}` exited {ExitCode}.\nstdout: {Stdout}\nstderr: {Stderr}");
        return this;
    }

    public JsonNode Json() => JsonNode.Parse(Stdout)!;
}

/// <summary>
/// One simulated device running the official CLI: its own app-data directory (so its tokens and keys are
/// separate), non-interactive, trusting the test CA. Secrets go through environment variables only.
/// </summary>
public sealed class BwCli : IDisposable
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    readonly string _baseUrl;
    readonly string? _authorityPem;
    readonly DirectoryInfo _appData = Directory.CreateTempSubdirectory("custodian-bw-");

    public BwCli(CompatServer server) : this(server.BaseUrl, server.Certificates.AuthorityPemPath) { }

    /// <summary>A CLI for a server that is not a <see cref="CompatServer"/> (an installed release), trusting
    /// <paramref name="authorityPem"/> when it serves HTTPS.</summary>
    public BwCli(string baseUrl, string? authorityPem)
    {
        _baseUrl = baseUrl;
        _authorityPem = authorityPem;
    }

    /// <summary>The session key of the last unlock, sent as BW_SESSION on later commands.</summary>
    public string? Session { get; set; }

    public static string Executable { get; } = FindExecutable();

    static string FindExecutable()
    {
        if (Environment.GetEnvironmentVariable("BW_CLI") is { Length: > 0 } fromEnv && File.Exists(fromEnv))
        {
            return fromEnv;
        }
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Custodian.slnx")))
        {
            dir = dir.Parent;
        }
        var path = dir is null ? null : Path.Combine(dir.FullName, "tests", "compat", "node_modules", ".bin", "bw");
        return path is not null && File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                "The Bitwarden CLI is not installed: run `cd tests/compat && npm ci` (./test.sh does this), or set BW_CLI.");
    }

    /// <summary>A JSON argument the way <c>bw create/edit</c> take it: base64 of the UTF-8 text.</summary>
    public static string Encode(JsonNode json) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));

    /// <summary>A new account, and a CLI configured for the server and logged in to it (vault unlocked).</summary>
    public static async Task<(BwCli Bw, Infrastructure.TestUser User)> LoginNewUserAsync(CompatServer server)
    {
        var user = await Infrastructure.TestAccounts.LoginNewUserAsync(server);
        var bw = new BwCli(server);
        (await bw.ConfigServerAsync()).EnsureSuccess("config server");
        (await bw.LoginAsync(user.Email, user.Account.Password)).EnsureSuccess("login");
        return (bw, user);
    }

    /// <summary>The CLI's state file (application id, stored tokens).</summary>
    public string DataFile => Path.Combine(_appData.FullName, "data.json");

    public Task<BwResult> ConfigServerAsync() => RunAsync("config", "server", _baseUrl);

    /// <summary>Password login (extra arguments such as <c>--method 0 --code …</c>); on success the session key unlocks the vault.</summary>
    public async Task<BwResult> LoginAsync(string email, string password, params string[] extra)
    {
        var result = await RunWithSecretsAsync(new() { ["BW_PASSWORD"] = password }, ["login", email, "--passwordenv", "BW_PASSWORD", "--raw", .. extra]);
        if (result.ExitCode == 0)
        {
            Session = result.Stdout.Trim();
        }
        return result;
    }

    public async Task<BwResult> UnlockAsync(string password)
    {
        var result = await RunWithSecretsAsync(new() { ["BW_PASSWORD"] = password }, "unlock", "--passwordenv", "BW_PASSWORD", "--raw");
        if (result.ExitCode == 0)
        {
            Session = result.Stdout.Trim();
        }
        return result;
    }

    public async Task<JsonNode> StatusAsync() => (await RunAsync("status")).EnsureSuccess("status").Json();

    public Task<BwResult> RunAsync(params string[] args) => RunWithSecretsAsync(null, args);

    public async Task<BwResult> RunWithSecretsAsync(Dictionary<string, string>? secrets, params string[] args)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        var env = start.Environment;
        env["BITWARDENCLI_APPDATA_DIR"] = _appData.FullName;
        env["BW_NOINTERACTION"] = "true";
        if (_authorityPem is not null)
        {
            env["NODE_EXTRA_CA_CERTS"] = _authorityPem;
        }
        foreach (var proxy in new[] { "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy" })
        {
            env.Remove(proxy);
        }
        env["NO_PROXY"] = "127.0.0.1,localhost";
        env.Remove("BW_SESSION");
        if (Session is not null)
        {
            env["BW_SESSION"] = Session;
        }
        foreach (var (key, value) in secrets ?? [])
        {
            env[key] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`bw {args.FirstOrDefault()}` did not finish within {Timeout.TotalSeconds} s.");
        }
        return new BwResult(process.ExitCode, await stdout, await stderr);
    }

    public void Dispose() => _appData.Delete(recursive: true);
}

/// <summary>CLI tests run one at a time: each command is a Node start-up, and the machine has two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CompatCollection
{
    public const string Name = "Bitwarden CLI";
}
