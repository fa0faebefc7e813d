using System.Data.Common;
using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Platform;

/// <summary>
/// <c>GET /healthz</c> for load balancers and orchestrators: 200 when the database answers a query on Custodian's
/// schema, 503 when it does not. Anonymous, so the body says nothing beyond that; the reason goes to the log.
/// </summary>
public static class HealthEndpoint
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", Health).AllowAnonymous().WithTags("Platform");
        return app;
    }

    static async Task<IResult> Health(AppDbContext db, ILoggerFactory logs, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(Timeout);
        try
        {
            _ = await db.Users.AsNoTracking().AnyAsync(deadline.Token);
            return Results.Text("ok");
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            logs.CreateLogger(typeof(HealthEndpoint)).LogWarning("Health check failed: the database did not answer ({Error})", e.GetType().Name + ": " + e.Message);
            return Results.Text("unavailable", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
