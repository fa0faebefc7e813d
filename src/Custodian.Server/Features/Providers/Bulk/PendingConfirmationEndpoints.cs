using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers.Bulk;

/// <summary>
/// A member who accepted an invitation to one of the provider's clients and waits for the org key: with the
/// member's public key (for the fingerprint phrase and the wrapping) and the client's org key under the provider key.
/// </summary>
public sealed record PendingConfirmationResponse(Guid Id, Guid UserId, string? Email, string? Name, string? PublicKey, Guid OrganizationId,
    string OrganizationName, string? OrganizationKey) : ResponseModel("providerPendingConfirmation");

/// <summary>
/// "Confirm everywhere": the accepted-but-unconfirmed members of all of a provider's clients, a page at a time. The
/// confirming itself goes through each client's own bulk confirm route, which every provider user may call, so
/// every provider user may read this list too.
/// </summary>
public static class PendingConfirmationEndpoints
{
    public static RouteGroupBuilder MapPendingConfirmationEndpoints(this RouteGroupBuilder provider)
    {
        provider.MapGet("/pending-confirmations", List);
        return provider;
    }

    static async Task<ListResponse<PendingConfirmationResponse>> List(Guid providerId, int? pageSize, string? continuationToken, AppDbContext db,
        CancellationToken ct)
    {
        var size = Math.Clamp(pageSize ?? 100, 1, 500);
        Guid? after = null;
        if (!string.IsNullOrEmpty(continuationToken))
        {
            after = Guid.TryParse(continuationToken, out var g) ? g : throw BadRequestException.ForField("continuationToken", "The continuation token is not valid for this list.");
        }
        var rows = await (from m in db.OrganizationUsers
                          where m.Status == OrganizationUserStatus.Accepted && m.UserId != null && (after == null || m.Id.CompareTo(after.Value) > 0)
                          join l in db.ProviderOrganizations on m.OrganizationId equals l.OrganizationId
                          where l.ProviderId == providerId
                          join o in db.Organizations on m.OrganizationId equals o.Id
                          join u in db.Users on m.UserId equals u.Id
                          orderby m.Id
                          select new PendingConfirmationResponse(m.Id, u.Id, u.Email, u.Name, u.PublicKey, o.Id, o.Name, l.Key))
            .Take(size + 1).ToListAsync(ct);
        return new([.. rows.Take(size)], rows.Count > size ? rows[size - 1].Id.ToString() : null);
    }
}
