using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Support;

namespace Custodian.Tests.Compat;

/// <summary>
/// The published release: <c>scripts/install.sh PREFIX</c> publishes the server self-contained (ReadyToRun) once,
/// lays out the folder, settings file, data directory and systemd unit under a temporary prefix; the installed
/// launcher starts it with no .NET SDK involved, and the official CLI logs in to it.
/// </summary>
[Collection(CompatCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class CliInstallTests
{
    /// <summary>A self-contained ReadyToRun publish compiles every assembly ahead of time: minutes on a busy CI machine.</summary>
    static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(20);

    [Fact]
    public async Task Install_IntoPrefix_StartsAndTheCliLogsIn()
    {
        var prefix = Directory.CreateTempSubdirectory("custodian-install-");
        try
        {
            var install = await RunAsync(Path.Combine(RepositoryRoot, "scripts", "install.sh"), [prefix.FullName], InstallTimeout);
            Assert.True(install.ExitCode == 0, install.Stderr + install.Stdout);
            var unit = await File.ReadAllTextAsync(Path.Combine(prefix.FullName, "lib", "systemd", "system", "custodian.service"), Ct);
            Assert.Contains($"ExecStart={prefix.FullName}/lib/custodian/Custodian.Server", unit, StringComparison.Ordinal);
            Assert.Contains($"EnvironmentFile={prefix.FullName}/etc/custodian/custodian.env", unit, StringComparison.Ordinal);
            Assert.DoesNotContain("@PREFIX@", unit, StringComparison.Ordinal);
            var settings = Path.Combine(prefix.FullName, "etc", "custodian", "custodian.env");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(settings));
            // Self-contained: the runtime is in the folder, not taken from the machine.
            Assert.True(File.Exists(Path.Combine(prefix.FullName, "lib", "custodian", "libcoreclr.so")));

            // The CLI talks HTTPS only: the server gets a certificate from the tests' own CA, as an operator gives theirs.
            using var certificates = new TestCertificates();
            var certificate = Path.Combine(prefix.FullName, "etc", "custodian", "tls.crt");
            var certificateKey = Path.Combine(prefix.FullName, "etc", "custodian", "tls.key");
            await File.WriteAllTextAsync(certificate, certificates.Server.ExportCertificatePem(), Ct);
            await File.WriteAllTextAsync(certificateKey, certificates.Server.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem(), Ct);
            var port = FreePort.Next();
            var start = new ProcessStartInfo(Path.Combine(prefix.FullName, "bin", "custodian"))
            {
                UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"https://127.0.0.1:{port}");
            start.Environment["Kestrel__Certificates__Default__Path"] = certificate;
            start.Environment["Kestrel__Certificates__Default__KeyPath"] = certificateKey;
            start.Environment["Accounts__MinimumPbkdf2Iterations"] = "5000";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            start.Environment.Remove("DOTNET_ROOT");
            using var server = Process.Start(start)!;
            server.OutputDataReceived += (_, _) => { };
            server.ErrorDataReceived += (_, _) => { };
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();
            try
            {
                var baseUrl = $"https://127.0.0.1:{port}";
                using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, c, _, _) => certificates.IsOurServer(c) };
                using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
                await WaitUntilAliveAsync(http, server);
                // The data directory is the installed one, and the server made its secret key there, private.
                var key = Path.Combine(prefix.FullName, "var", "lib", "custodian", "secret.key");
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));

                var account = ClientAccount.CreateFast(TestAccounts.NewEmail("installed"), TestAccounts.DefaultPassword);
                http.DefaultRequestHeaders.Add("Bitwarden-Client-Name", "cli");
                await ApiClient.ReadOkAsync(await new ApiClient(http).PostAsync("/identity/accounts/register", TestAccounts.RegisterBody(account)));
                using var bw = new BwCli(baseUrl, certificates.AuthorityPemPath);
                (await bw.ConfigServerAsync()).EnsureSuccess("config server");
                (await bw.LoginAsync(account.Email, account.Password)).EnsureSuccess("login");
                var status = await bw.StatusAsync();
                Assert.Equal("unlocked", status["status"]!.GetValue<string>());
                Assert.Equal(account.Email, status["userEmail"]!.GetValue<string>());
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync(Ct);
            }
        }
        finally
        {
            prefix.Delete(recursive: true);
        }
    }

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Custodian.slnx")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("The repository root (Custodian.slnx) was not found.");
        }
    }


    static async Task WaitUntilAliveAsync(HttpClient http, Process server)
    {
        var started = Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromMinutes(2))
        {
            Assert.False(server.HasExited, $"the installed server exited with code {(server.HasExited ? server.ExitCode : 0)}");
            try
            {
                if ((await http.GetAsync("/alive", Ct)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100, Ct);
        }
        Assert.Fail("the installed server did not answer /alive within two minutes");
    }

    static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
