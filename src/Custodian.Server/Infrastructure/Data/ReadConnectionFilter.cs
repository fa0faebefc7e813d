using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Infrastructure.Data;

/// <summary>
/// Opens the request's database connection once for a read and keeps it until the request ends. EF otherwise takes
/// a connection from the pool, sets it up and gives it back around every query, and a page answer runs several: the
/// token check, the access check, the page, its counts. The token check runs before any endpoint filter, so it
/// opens the connection through <see cref="OpenForReadAsync"/> too; the filter then finds it open. Only reads, and
/// only on the endpoints this filter serves: a write may stream a large body (attachments, imports), and the
/// notifications hub's request lasts as long as its WebSocket; neither should hold a pooled connection.
/// </summary>
public sealed class ReadConnectionFilter : IEndpointFilter
{
    /// <summary>Marks the endpoints the filter serves, so the token check can tell them before the filter runs.</summary>
    public sealed class Marker;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        await OpenForReadAsync(context.HttpContext);
        return await next(context);
    }

    public static async ValueTask OpenForReadAsync(HttpContext http)
    {
        if (HttpMethods.IsGet(http.Request.Method) && http.GetEndpoint()?.Metadata.GetMetadata<Marker>() is not null)
        {
            await http.RequestServices.GetRequiredService<AppDbContext>().Database.OpenConnectionAsync(http.RequestAborted);
        }
    }
}
