using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers;

/// <summary>The caller inside one provider: their provider-user row and the provider.</summary>
public sealed record ProviderCaller(Provider Provider, ProviderUser User)
{
    public bool IsAdmin => User.Type == ProviderUserType.ProviderAdmin;
}

/// <summary>
/// Resolves <see cref="ProviderCaller"/> from the database on every request (no token claims), so removal takes
/// effect at once. Every denial is a 404: a stranger cannot tell a provider exists.
/// </summary>
public sealed class ProviderCallers(AppDbContext db, CurrentUser caller)
{
    ProviderCaller? _current;

    /// <summary>The caller resolved by <see cref="ProviderCallerFilter"/> for this request's <c>{providerId}</c>.</summary>
    public ProviderCaller Current => _current ?? throw new InvalidOperationException("The route group has no ProviderCallerFilter.");

    /// <summary>A confirmed provider user (of an enabled provider unless an admin); an admin where <paramref name="adminOnly"/>.</summary>
    internal async Task ResolveAsync(Guid providerId, bool adminOnly, CancellationToken ct)
    {
        var row = await (from u in db.ProviderUsers
                         join p in db.Providers on u.ProviderId equals p.Id
                         where u.ProviderId == providerId && u.UserId == caller.Id && u.Status == ProviderUserStatusType.Confirmed
                         select new { u, p }).SingleOrDefaultAsync(ct);
        if (row is null || (adminOnly && row.u.Type != ProviderUserType.ProviderAdmin) || (!row.p.Enabled && row.u.Type != ProviderUserType.ProviderAdmin))
        {
            throw new NotFoundException();
        }
        _current = new ProviderCaller(row.p, row.u);
    }
}

/// <summary>Endpoint metadata: only the provider's admins may call it.</summary>
public sealed class ProviderAdminOnly;

/// <summary>
/// Resolves the caller in <c>{providerId}</c> once, before the handler, for a whole route group: a confirmed user of
/// the provider, or one of its admins where the endpoint says <see cref="AdminOnly"/>. Handlers read
/// <see cref="ProviderCallers.Current"/> and decide nothing about who may call them.
/// </summary>
public static class ProviderCallerFilter
{
    public static RouteGroupBuilder RequireProviderUser(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!Guid.TryParse(http.Request.RouteValues["providerId"]?.ToString(), out var providerId))
            {
                throw new NotFoundException();
            }
            var adminOnly = http.GetEndpoint()?.Metadata.GetMetadata<ProviderAdminOnly>() is not null;
            await http.RequestServices.GetRequiredService<ProviderCallers>().ResolveAsync(providerId, adminOnly, http.RequestAborted);
            return await next(context);
        });

    public static TBuilder AdminOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProviderAdminOnly());
}
