namespace Custodian.Server.Infrastructure.Hosting;

/// <summary>
/// A job every instance runs on a timer of the injected clock (tests move it). The first pass waits until the
/// host has started, so a starting server spends its CPU on listening and answering its first requests rather
/// than on compiling the jobs' queries; a failed pass is logged and the next tick tries again.
/// </summary>
public abstract class PeriodicJob(TimeProvider time, IHostApplicationLifetime lifetime, ILogger log) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected abstract TimeSpan Period { get; }

    /// <summary>One pass; what it does is the job's own.</summary>
    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Made before the wait, so a clock moved meanwhile still leaves one tick due, as it always did.
        using var timer = new PeriodicTimer(Period, Time);
        await StartedAsync(stoppingToken);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "{Job} failed; the next tick tries again", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    async Task StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }
}
