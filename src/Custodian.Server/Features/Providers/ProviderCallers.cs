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
    /// <summary>A confirmed provider user; admin-only routes pass <paramref name="adminOnly"/>.</summary>
    public async Task<ProviderCaller> RequireAsync(Guid providerId, bool adminOnly, CancellationToken ct)
    {
        var row = await (from u in db.ProviderUsers
                         join p in db.Providers on u.ProviderId equals p.Id
                         where u.ProviderId == providerId && u.UserId == caller.Id && u.Status == ProviderUserStatusType.Confirmed
                         select new { u, p }).SingleOrDefaultAsync(ct);
        if (row is null || (adminOnly && row.u.Type != ProviderUserType.ProviderAdmin) || (!row.p.Enabled && row.u.Type != ProviderUserType.ProviderAdmin))
        {
            throw new NotFoundException();
        }
        return new ProviderCaller(row.p, row.u);
    }

    public Task<ProviderCaller> RequireAdminAsync(Guid providerId, CancellationToken ct) => RequireAsync(providerId, adminOnly: true, ct);
}
