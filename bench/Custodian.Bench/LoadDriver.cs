using System.Globalization;
using System.Text;

namespace Custodian.Bench;

/// <summary>
/// Starts the server on a generated data set, checks every scenario once, then measures each one and its
/// database baseline with the same workers, and reports a markdown table with the server's memory.
/// </summary>
sealed class LoadDriver(BenchDatabase database, BenchManifest manifest, Options options, string dataDirectory)
{
    readonly List<string> _rows = [];
    double _peakRss;

    public bool Failed { get; private set; }

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var serverDll = Path.GetFullPath(options.Get("server", "src/Custodian.Server/bin/Release/net10.0/Custodian.Server.dll"));
        await using var server = await ServerProcess.StartAsync(serverDll, database, dataDirectory, null, ct);
        var concurrency = options.Int("concurrency", 4);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var api = new ApiScenarios(http, manifest);
        await api.LoginAllAsync(ct);
        var baseline = new Baseline(database, manifest);
        var runner = new LoadRunner(concurrency, TimeSpan.FromSeconds(options.Int("duration", 10)), TimeSpan.FromSeconds(2), options.Int("requests", 20_000));
        var startRss = server.Memory().Rss;
        var only = options.Find("only")?.Split('|').ToHashSet();
        var sync = manifest.SyncUsers;
        var search = manifest.ClientNameSearch;
        var deepPage = Math.Max(1, manifest.Shape.Orgs / ApiScenarios.ClientPageSize - 5);
        // Found once, on the scenario's first (verifying) call: walking to the deep page takes ~100 requests.
        Task<string>? deepToken = null;
        Task<(string, Guid)>? deepKey = null;
        Task<string> DeepToken(CancellationToken c) => deepToken ??= api.ClientTokenForPageAsync(deepPage, c);
        Task<(string, Guid)> DeepKey(CancellationToken c) => deepKey ??= baseline.ClientKeyBeforePageAsync(deepPage, c);
        // A provider user's sync: checked item by item against the baseline's ids, measured at one worker (the issue's
        // targets are 1-worker figures).
        var userIds = new Dictionary<string, Task<Guid>>();
        Task<Guid> UserId(string email, CancellationToken c) => userIds.TryGetValue(email, out var id) ? id : userIds[email] = baseline.UserIdAsync(email, c);
        Scenario ProviderSync(string name, string email, bool carriesItems, int? budget = null, bool optIn = false)
        {
            Task<HashSet<Guid>>? expected = null; // read once, on the scenario's first call
            return new(name, (_, c) => api.ProviderSyncAsync(email, c2 => expected ??= ExpectedAsync(c2), c),
                async (_, c) => await baseline.SyncAsync(await UserId(email, c), true, c), Workers: 1, Budget: budget, OptIn: optIn);

            async Task<HashSet<Guid>> ExpectedAsync(CancellationToken c)
            {
                var ids = await baseline.SyncIdsAsync(await UserId(email, c), true, c);
                // An empty expectation would let an empty answer pass: a technician with clients must hold items.
                return carriesItems && ids.Count == 0 ? throw new BenchFailure($"no items expected for {email}: was the data set generated with assignments?") : ids;
            }
        }
        var tech50 = manifest.Technicians[0];
        var techAll = manifest.Technicians[1];
        Scenario[] scenarios =
        [
            new($"sync, {sync[0].Items:N0} items", (_, c) => api.SyncAsync(sync[0], c), (_, c) => baseline.SyncAsync(sync[0].Id, false, c)),
            new($"sync, {sync[1].Items:N0} items", (_, c) => api.SyncAsync(sync[1], c), (_, c) => baseline.SyncAsync(sync[1].Id, false, c)),
            new($"sync, {sync[2].Items:N0} items", (_, c) => api.SyncAsync(sync[2], c), (_, c) => baseline.SyncAsync(sync[2].Id, false, c)),
            ProviderSync($"sync, technician assigned to {tech50.Clients:N0} clients", tech50.Email, carriesItems: true),
            ProviderSync("sync, provider admin with no assignments", manifest.ProviderAdminEmail, carriesItems: false),
            // Every item of every client (half the data set, about 1 GB at full scale): seconds a request, so one
            // worker, a few requests, and only when named (--only "every client"); it shows the cost grows linearly.
            ProviderSync($"sync, technician assigned to every client ({techAll.Clients:N0})", techAll.Email, carriesItems: true, budget: 3, optIn: true),
            new("client list, first page", (_, c) => api.ClientPageAsync(1, null, c), (_, c) => baseline.ClientPageAsync(1, null, c)),
            new($"client list, page {deepPage}", (_, c) => api.ClientPageAsync(deepPage, null, c), (_, c) => baseline.ClientPageAsync(deepPage, null, c)),
            new($"client list, page {deepPage} by continuation token", async (_, c) => await api.ClientPageAfterAsync(await DeepToken(c), c),
                async (_, c) => await baseline.ClientPageAfterAsync(await DeepKey(c), c)),
            new($"client list, search \"{search}\"", (_, c) => api.ClientPageAsync(1, search, c), (_, c) => baseline.ClientPageAsync(1, search, c)),
            new("provider dashboard, first page", (_, c) => api.DashboardPageAsync(c), (_, c) => baseline.DashboardPageAsync(c)),
            new($"member list, {manifest.Shape.BigOrgMembers:N0} members", (_, c) => api.MembersAsync(c), (_, c) => baseline.MembersAsync(c)),
            // Directory Connector's and scripts' read of a big org, with the org API key: same rows, public shape.
            new($"public API member list, {manifest.Shape.BigOrgMembers:N0} members", (_, c) => api.PublicMembersAsync(c), (_, c) => baseline.MembersAsync(c)),
            new("event log page", (_, c) => api.EventPageAsync(c), (_, c) => baseline.EventPageAsync(c)),
            // The login baseline only reads the account row: the grant's cost is its deliberate PBKDF2 check, so no ratio.
            new("login (password grant)", (i, c) => api.LoginAsync(api.LoginEmail(i), c), (i, c) => baseline.LoginRowAsync(api.LoginEmail(i), c), Ratio: false),
            new("cipher create", (_, c) => api.CreateCipherAsync(c), null),
            new("create client org", (i, c) => api.CreateClientAsync(i, c), null),
        ];

        foreach (var scenario in scenarios.Where(s => only is null ? !s.OptIn : only.Any(o => s.Name.Contains(o, StringComparison.OrdinalIgnoreCase))))
        {
            api.Verify = true;
            try
            {
                await scenario.Api(0, ct);
                if (scenario.Baseline is not null)
                {
                    await scenario.Baseline(0, ct);
                }
            }
            catch (BenchFailure ex)
            {
                Console.Error.WriteLine($"{scenario.Name}: check failed: {ex.Message}");
                Failed = true;
                continue;
            }
            api.Verify = false;
            Console.Error.WriteLine($"measuring {scenario.Name}");
            var measured = await runner.RunAsync(scenario.Api, server.CpuTime, scenario.Workers, scenario.Budget, ct);
            var rss = server.Memory();
            _peakRss = Math.Max(_peakRss, rss.Peak);
            // The baseline runs in this process (with SQLite, the database too), so its CPU is this process's.
            var floor = scenario.Baseline is null ? null : await runner.RunAsync(scenario.Baseline, DriverCpuTime, scenario.Workers, scenario.Budget, ct);
            Failed |= measured.Failures > 0;
            _rows.Add(Row(scenario.Name, measured, floor, scenario.Ratio, rss.Rss));
        }
        return Report(concurrency, startRss, server.Memory());
    }

    static TimeSpan DriverCpuTime() => Environment.CpuUsage.TotalTime;

    static string Row(string name, Measurement m, Measurement? floor, bool showRatio, double rss)
    {
        static string F(double v) => double.IsNaN(v) ? "–" : v.ToString(v < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);
        var ratio = floor is null || !showRatio ? "–" : (m.P50 / floor.P50).ToString("F1", CultureInfo.InvariantCulture) + "×";
        var baselineText = floor is null ? "– | – | –" : $"{F(floor.P50)} | {F(floor.P99)} | {F(floor.CpuMs)}";
        return $"| {name} | {m.Count:N0} | {m.Failures} | {F(m.P50)} | {F(m.P95)} | {F(m.P99)} | {m.PerSecond:F0} | {F(m.CpuMs)} | {baselineText} | {ratio} | {rss:F0} |";
    }

    string Report(int concurrency, double startRss, (double Rss, double Peak) end)
    {
        var text = new StringBuilder();
        var label = options.Get("label", $"{database.Provider}");
        text.AppendLine(CultureInfo.InvariantCulture, $"#### {label}: {manifest.Shape.Orgs:N0} client orgs, {manifest.Shape.Users:N0} users, {manifest.Shape.Items:N0} items; {concurrency} workers");
        text.AppendLine();
        text.AppendLine("| scenario | requests | failed | p50 ms | p95 ms | p99 ms | req/s | server CPU ms/req | baseline p50 | baseline p99 | baseline CPU ms/req | p50 ÷ baseline | RSS MiB |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in _rows)
        {
            text.AppendLine(row);
        }
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Server RSS: {startRss:F0} MiB after start-up and logins, {end.Rss:F0} MiB at the end, peak {Math.Max(_peakRss, end.Peak):F0} MiB.");
        return text.ToString();
    }
}

/// <summary>One measured request, its baseline (when it has one) and how it is driven.</summary>
/// <param name="Ratio">False where the baseline is not the same work (login's deliberate hash check).</param>
/// <param name="Workers">Overrides the run's concurrency.</param>
/// <param name="Budget">Caps the requests, for operations that take seconds.</param>
/// <param name="OptIn">Measured only when <c>--only</c> names it.</param>
sealed record Scenario(string Name, Func<int, CancellationToken, Task> Api, Func<int, CancellationToken, Task>? Baseline, bool Ratio = true,
    int? Workers = null, int? Budget = null, bool OptIn = false);
