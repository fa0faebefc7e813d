using System.Diagnostics;

namespace Custodian.Bench;

/// <summary>
/// Latency percentiles (ms), throughput and failures of one operation run by several workers at once, and the CPU
/// time per request of the process that answered (NaN when not measured).
/// </summary>
/// <param name="Warmup">The warm-up before the measured phase: its requests and the CPU per request it settled at.</param>
public sealed record Measurement(int Count, int Failures, double P50, double P95, double P99, double Max, double PerSecond, double CpuMs, Warmup? Warmup = null)
{
    public static Measurement From(List<double> latencies, int failures, TimeSpan elapsed, TimeSpan? cpu)
    {
        latencies.Sort();
        double At(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        return new(latencies.Count, failures, At(0.50), At(0.95), At(0.99), latencies.Count == 0 ? double.NaN : latencies[^1],
            latencies.Count / elapsed.TotalSeconds, cpu is { } used && latencies.Count > 0 ? used.TotalMilliseconds / latencies.Count : double.NaN);
    }
}

/// <param name="Settled">False when the warm-up ran out of requests or time before the CPU per request settled.</param>
public sealed record Warmup(int Requests, double CpuMs, bool Settled);

/// <summary>
/// Runs an operation from <c>concurrency</c> workers, each one request after another (a closed loop), first
/// for a warm-up that is thrown away, then until the duration or the request budget is spent. CPU time comes from
/// <c>cpuClock</c>, read when the measured phase starts and ends: a count that other load on the machine does not
/// inflate the way it does latencies. The warm-up runs in batches until the CPU per request settles: on a fresh
/// server the JIT's tiering makes the first tens of requests several times dearer than the rest.
/// </summary>
public sealed class LoadRunner(int concurrency, TimeSpan duration, int maxRequests)
{
    /// <summary>Settled: the last three batches' CPU per request all within this fraction of their mean.</summary>
    const double Steady = 0.10;

    /// <summary>
    /// Not settled before this many requests, however steady. The runtime recompiles a method after 30 calls, twice
    /// (dynamic PGO's instrumented tier, then the final one), so code called once per request reaches its final form
    /// only after some 60 requests. A slow operation's first batches can look steady before that: the per-item code,
    /// called thousands of times a request, is optimized within the first request, the per-request loops around it
    /// still run unoptimized (the technician's sync measured twice its settled CPU that way).
    /// </summary>
    const int MinWarmupRequests = 64;
    const int MaxWarmupRequests = 400;
    static readonly TimeSpan MaxWarmup = TimeSpan.FromSeconds(60);
    static readonly TimeSpan MaxBudgeted = TimeSpan.FromMinutes(10);

    /// <param name="workers">Overrides the runner's concurrency for one operation.</param>
    /// <param name="budget">Overrides the request budget for one operation (its warm-up takes a tenth, at least one): such an
    /// operation takes seconds a request, so it runs its whole budget (up to <see cref="MaxBudgeted"/>), not the duration.</param>
    public async Task<Measurement> RunAsync(Func<int, CancellationToken, Task> operation, Func<TimeSpan> cpuClock, int? workers, int? budget,
        CancellationToken ct)
    {
        var count = workers ?? concurrency;
        var limit = budget ?? maxRequests;
        var sequence = 0;
        var warmup = await WarmUpAsync(operation, cpuClock, count, budget, () => Interlocked.Increment(ref sequence), ct);

        var latencies = new List<double>[count];
        var failures = 0;
        var cpuBefore = cpuClock();
        var clock = Stopwatch.StartNew();
        await RunPhaseAsync(operation, count, budget is null ? duration : MaxBudgeted, limit, () => Interlocked.Increment(ref sequence),
            (worker, ms, ok) =>
            {
                (latencies[worker] ??= []).Add(ms);
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }, ct);
        var elapsed = clock.Elapsed;
        return Measurement.From([.. latencies.Where(l => l is not null).SelectMany(l => l)], failures, elapsed, cpuClock() - cpuBefore) with { Warmup = warmup };
    }

    /// <summary>
    /// Batches of requests until the CPU per request settles (<see cref="Steady"/>), or the caps are reached. An
    /// operation with a small budget (seconds per request) warms up on a tenth of it instead.
    /// </summary>
    static async Task<Warmup> WarmUpAsync(Func<int, CancellationToken, Task> operation, Func<TimeSpan> cpuClock, int workers, int? budget,
        Func<int> next, CancellationToken ct)
    {
        if (budget is { } small)
        {
            var before = cpuClock();
            var requests = Math.Max(1, small / 10);
            await RunPhaseAsync(operation, workers, MaxWarmup, requests, next, null, ct);
            return new(requests, (cpuClock() - before).TotalMilliseconds / requests, Settled: false);
        }
        var batch = Math.Max(4, 2 * workers);
        var perRequest = new List<double>();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var before = cpuClock();
            await RunPhaseAsync(operation, workers, MaxWarmup, batch, next, null, ct);
            perRequest.Add((cpuClock() - before).TotalMilliseconds / batch);
            var last = perRequest.TakeLast(3).ToList();
            var mean = last.Average();
            var settled = last.Count == 3 && last.All(c => Math.Abs(c - mean) <= Steady * mean) && perRequest.Count * batch >= MinWarmupRequests;
            if (settled || perRequest.Count * batch >= MaxWarmupRequests || clock.Elapsed > MaxWarmup)
            {
                return new(perRequest.Count * batch, perRequest[^1], settled);
            }
        }
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
