using System.Diagnostics;

namespace Custodian.Bench;

/// <summary>
/// Latency percentiles (ms), throughput and failures of one operation run by several workers at once, and the CPU
/// time per request of the process that answered (NaN when not measured).
/// </summary>
public sealed record Measurement(int Count, int Failures, double P50, double P95, double P99, double Max, double PerSecond, double CpuMs)
{
    public static Measurement From(List<double> latencies, int failures, TimeSpan elapsed, TimeSpan? cpu)
    {
        latencies.Sort();
        double At(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        return new(latencies.Count, failures, At(0.50), At(0.95), At(0.99), latencies.Count == 0 ? double.NaN : latencies[^1],
            latencies.Count / elapsed.TotalSeconds, cpu is { } used && latencies.Count > 0 ? used.TotalMilliseconds / latencies.Count : double.NaN);
    }
}

/// <summary>
/// Runs an operation from <c>concurrency</c> workers, each one request after another (a closed loop), first
/// for a warm-up that is thrown away, then until the duration or the request budget is spent. CPU time comes from
/// <c>cpuClock</c>, read when the measured phase starts and ends: a count that other load on the machine does not
/// inflate the way it does latencies.
/// </summary>
public sealed class LoadRunner(int concurrency, TimeSpan duration, TimeSpan warmup, int maxRequests)
{
    /// <param name="workers">Overrides the runner's concurrency for one operation.</param>
    /// <param name="budget">Overrides the request budget for one operation (its warm-up takes a tenth, at least one).</param>
    public async Task<Measurement> RunAsync(Func<int, CancellationToken, Task> operation, Func<TimeSpan> cpuClock, int? workers, int? budget,
        CancellationToken ct)
    {
        var count = workers ?? concurrency;
        var limit = budget ?? maxRequests;
        var sequence = 0;
        await RunPhaseAsync(operation, count, warmup, Math.Max(1, limit / 10), () => Interlocked.Increment(ref sequence), null, ct);

        var latencies = new List<double>[count];
        var failures = 0;
        var cpuBefore = cpuClock();
        var clock = Stopwatch.StartNew();
        await RunPhaseAsync(operation, count, duration, limit, () => Interlocked.Increment(ref sequence),
            (worker, ms, ok) =>
            {
                (latencies[worker] ??= []).Add(ms);
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }, ct);
        var elapsed = clock.Elapsed;
        return Measurement.From([.. latencies.Where(l => l is not null).SelectMany(l => l)], failures, elapsed, cpuClock() - cpuBefore);
    }

    static async Task RunPhaseAsync(Func<int, CancellationToken, Task> operation, int workers, TimeSpan duration, int limit,
        Func<int> next, Action<int, double, bool>? record, CancellationToken ct)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end && Interlocked.Increment(ref started) <= limit)
            {
                var begin = Stopwatch.GetTimestamp();
                var ok = true;
                try
                {
                    await operation(next(), ct);
                }
                catch (Exception ex) when (ex is HttpRequestException or BenchFailure or TaskCanceledException)
                {
                    ok = false;
                    if (record is not null && FirstFailures.TryReport())
                    {
                        Console.Error.WriteLine($"  failed: {ex.Message}");
                    }
                }
                record?.Invoke(worker, Stopwatch.GetElapsedTime(begin).TotalMilliseconds, ok);
            }
        }, ct)));
    }

    /// <summary>Prints only the first few failures, so a broken scenario is visible without flooding the log.</summary>
    static class FirstFailures
    {
        static int _reported;

        public static bool TryReport() => Interlocked.Increment(ref _reported) <= 5;
    }
}

/// <summary>An answer that is not what the operation needed (wrong status or body).</summary>
public sealed class BenchFailure(string message) : Exception(message);
