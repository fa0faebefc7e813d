using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Infrastructure.Data;

/// <summary>
/// Opens the request's database connection before a read's handler runs and keeps it until the request ends. EF
/// otherwise takes a connection from the pool, sets it up (SQLite's busy timeout) and gives it back around every
/// query, and a page answer runs several: the access check, the page, its counts. Only reads: a write may stream
/// a large body (attachments, imports) and should not hold a pooled connection while it arrives.
/// </summary>
public sealed class ReadConnectionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method))
        {
            await http.RequestServices.GetRequiredService<AppDbContext>().Database.OpenConnectionAsync(http.RequestAborted);
        }
        return await next(context);
    }
}
