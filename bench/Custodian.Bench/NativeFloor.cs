using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Custodian.Bench;

/// <summary>
/// The native floor (bench/floor/floor.c, built by bench/run.sh): the same queries and the same response bytes in
/// C, with no HTTP and no framework. Its dump is what measured responses are checked against; its measured runs
/// are the floor each ratio is given against. Several workers are several processes, each measuring itself.
/// </summary>
public sealed class NativeFloor(string program, BenchDatabase database)
{
    readonly string[] _target = database.IsPostgres
        ? ["postgres", PostgresConnInfo(database.ConnectionString)]
        : ["sqlite", new SqliteConnectionStringBuilder(database.ConnectionString).DataSource];

    /// <summary>The arguments that make a 5,000-item sync: <c>sync USER_ID</c>.</summary>
    public static string[] Sync(Guid user) => ["sync", user.ToString()];

    /// <summary>One page of a provider's clients, after (Name, Id) when given.</summary>
    public static string[] Clients(Guid provider, int size, (string Name, Guid Id)? after) => after is { } key
        ? ["clients", provider.ToString(), size.ToString(CultureInfo.InvariantCulture), key.Name, key.Id.ToString()]
        : ["clients", provider.ToString(), size.ToString(CultureInfo.InvariantCulture)];

    /// <summary>An org's member list as the Admin Console asks for it: <c>members ORG_ID</c>.</summary>
    public static string[] Members(Guid organization) => ["members", organization.ToString()];

    /// <summary>The first page of an org's event log between two dates, written as the database compares them.</summary>
    public string[] Events(Guid organization, DateTime from, DateTime to) =>
        ["events", organization.ToString(), DatabaseDate(from), DatabaseDate(to)];

    // SQLite holds dates as EF Core writes them; PostgreSQL keeps microseconds, and Npgsql truncates the ticks.
    string DatabaseDate(DateTime date) => database.IsPostgres
        ? date.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00"
        : date.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>SHA-256 of one response as the floor writes it from the database.</summary>
    public async Task<byte[]> HashAsync(string[] request, CancellationToken ct)
    {
        using var process = Start(request, 0, 1, "dump");
        var hash = await SHA256.HashDataAsync(process.StandardOutput.BaseStream, ct);
        await Finish(process, ct);
        return hash;
    }

    /// <summary>Latencies and CPU per response of <paramref name="workers"/> processes writing the response over and over.</summary>
    public async Task<Measurement> MeasureAsync(string[] request, int workers, TimeSpan duration, int budget, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var runs = await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            using var process = Start(request, duration.TotalSeconds, Math.Max(1, budget / workers), "measure");
            var latencies = new List<double>();
            var cpu = TimeSpan.Zero;
            while (await process.StandardOutput.ReadLineAsync(ct) is { } line)
            {
                if (line.StartsWith("cpu ", StringComparison.Ordinal))
                {
                    cpu = TimeSpan.FromMicroseconds(long.Parse(line[4..], CultureInfo.InvariantCulture));
                }
                else
                {
                    latencies.Add(double.Parse(line, CultureInfo.InvariantCulture) / 1000);
                }
            }
            await Finish(process, ct);
            return (latencies, cpu);
        }));
        var elapsed = clock.Elapsed;
        return Measurement.From([.. runs.SelectMany(r => r.latencies)], 0, elapsed, runs.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.cpu));
    }

    Process Start(string[] request, double seconds, int max, string mode)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in _target.Concat(request).Append(seconds.ToString(CultureInfo.InvariantCulture))
                     .Append(max.ToString(CultureInfo.InvariantCulture)).Append(mode))
        {
            start.ArgumentList.Add(argument);
        }
        return Process.Start(start) ?? throw new BenchFailure($"could not start {program}");
    }

    static async Task Finish(Process process, CancellationToken ct)
    {
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new BenchFailure($"the native floor failed ({process.ExitCode}): {errors.Trim()}");
        }
    }

    /// <summary>libpq's key=value form of the Npgsql connection string the server uses.</summary>
    static string PostgresConnInfo(string connectionString)
    {
        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        static string Quote(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
        var parts = new List<string> { $"host={Quote(npgsql.Host ?? "localhost")}", $"port={npgsql.Port}", $"dbname={Quote(npgsql.Database ?? "postgres")}" };
        if (npgsql.Username is { } user)
        {
            parts.Add($"user={Quote(user)}");
        }
        if (npgsql.Password is { } password)
        {
            parts.Add($"password={Quote(password)}");
        }
        return string.Join(' ', parts);
    }
}
