using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Support;

namespace Custodian.Tests.Scale;

/// <summary>
/// The deployment the README describes, on loopback: two server processes (the real build, not the in-process
/// test host) on one PostgreSQL database, behind Debian's nginx balancing round-robin. nginx adds the upstream
/// that answered as <c>X-Custodian-Upstream</c>, so a test can tell which instance served each request.
/// </summary>
public sealed class NginxFront(string? redis = null) : IAsyncDisposable
{
    public const string UpstreamHeader = "X-Custodian-Upstream";

    readonly string _database = $"custodian_test_{Guid.NewGuid():N}";
    readonly string _directory = Path.Combine(Path.GetTempPath(), $"custodian-nginx-{Guid.NewGuid():N}");
    readonly List<Process> _processes = [];

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<string> Upstreams { get; private set; } = [];

    public static string? NginxPath => Environment.GetEnvironmentVariable("NGINX") is { Length: > 0 } path ? path
        : File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : null;

    public async Task StartAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_directory);
        var ports = new[] { FreePort.Next(), FreePort.Next() };
        Upstreams = [.. ports.Select(p => $"127.0.0.1:{p}")];
        // The first instance migrates the schema; the second starts as a node joining an existing deployment.
        foreach (var port in ports)
        {
            StartServer(port);
            await WaitAliveAsync(new Uri($"http://127.0.0.1:{port}"), ct);
        }
        var front = FreePort.Next();
        var config = Path.Combine(_directory, "nginx.conf");
        await File.WriteAllTextAsync(config, NginxConfig(front), ct);
        Start(NginxPath ?? throw new InvalidOperationException("nginx is not installed: ./test.sh installs Debian's nginx-light, or set NGINX."),
            ["-p", _directory, "-c", config, "-e", Path.Combine(_directory, "error.log")], new Dictionary<string, string>());
        BaseAddress = new Uri($"http://127.0.0.1:{front}");
        await WaitAliveAsync(BaseAddress, ct);
    }

    /// <summary>An anonymous client talking to nginx with the CLI's headers.</summary>
    public ApiClient CreateApiClient()
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Add("Device-Type", "25");
        http.DefaultRequestHeaders.Add("Bitwarden-Client-Name", "cli");
        return new ApiClient(http);
    }

    /// <summary>A new account registered and logged in through nginx, and the instance that answered the login.</summary>
    public async Task<(TestUser User, string LoggedInOn)> RegisterAndLoginAsync()
    {
        var account = ClientAccount.CreateFast(TestAccounts.NewEmail("nginx"), TestAccounts.DefaultPassword);
        await ApiClient.ReadOkAsync(await CreateApiClient().PostAsync("/identity/accounts/register", TestAccounts.RegisterBody(account)));
        var login = await CreateApiClient().PostFormAsync("/identity/connect/token", TestAccounts.PasswordForm(account));
        var upstream = Upstream(login);
        var token = await ApiClient.ReadOkAsync(login);
        var client = CreateApiClient();
        client.UseToken(token["access_token"]!.GetValue<string>());
        var profile = await client.GetJsonAsync("/api/accounts/profile");
        return (new TestUser(Guid.Parse(profile["id"]!.GetValue<string>()), account, client, token["access_token"]!.GetValue<string>(),
            token["refresh_token"]!.GetValue<string>()), upstream);
    }

    /// <summary>The instance that answered, as nginx names it.</summary>
    public static string Upstream(HttpResponseMessage response) =>
        response.Headers.TryGetValues(NginxFront.UpstreamHeader, out var values) ? values.Single() : throw new InvalidOperationException("nginx did not name the upstream");

    string NginxConfig(int port) => $$"""
        worker_processes 1;
        daemon off;
        pid {{_directory}}/nginx.pid;
        events { worker_connections 512; }
        http {
            access_log off;
            client_body_temp_path {{_directory}}/client_body;
            proxy_temp_path {{_directory}}/proxy;
            fastcgi_temp_path {{_directory}}/fastcgi;
            uwsgi_temp_path {{_directory}}/uwsgi;
            scgi_temp_path {{_directory}}/scgi;
            client_max_body_size 525m;
            upstream custodian {
                server {{Upstreams[0]}};
                server {{Upstreams[1]}};
                keepalive 16;
            }
            server {
                listen 127.0.0.1:{{port}};
                location /notifications/ {
                    proxy_pass http://custodian;
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection "upgrade";
                    proxy_set_header Host $host;
                    proxy_read_timeout 1h;
                }
                location / {
                    proxy_pass http://custodian;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Host $host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    add_header {{UpstreamHeader}} $upstream_addr always;
                }
            }
        }
        """;

    void StartServer(int port)
    {
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = $"{ApiFactory.Postgres};Database={_database}",
            ["Database__DataDirectory"] = Path.Combine(_directory, $"data-{port}"),
            ["Accounts__MinimumPbkdf2Iterations"] = "5000",
            ["Login__MaxFailuresPerIp"] = "100000",
            ["Secrets__KeyFile"] = Path.Combine(_directory, "secret.key"),
            ["Server__PublicUrl"] = "https://vault.custodian.test",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (redis is not null)
        {
            environment["Notifications__Redis"] = redis;
        }
        Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "Custodian.Server.dll"), "--urls", $"http://127.0.0.1:{port}"], environment);
    }

    void Start(string file, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    async Task WaitAliveAsync(Uri address, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (_processes.FirstOrDefault(p => p.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"{exited.StartInfo.FileName} exited with code {exited.ExitCode} while starting.");
            }
            try
            {
                if ((await http.GetAsync("/alive", ct)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
            }
            await Task.Delay(250, ct);
        }
        throw new TimeoutException($"{address} did not answer /alive within a minute.");
    }


    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes.AsEnumerable().Reverse())
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
        await ApiFactory.DropPostgresDatabaseAsync(_database);
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
