using System.ComponentModel.DataAnnotations;
using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Events;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;

namespace Custodian.Server.Features.Organizations;

/// <summary>Bitwarden's <c>OrganizationApiKeyType</c>: the public API key and the SCIM key (billing sync has no use here).</summary>
public enum OrganizationApiKeyType
{
    Default = 0,
    BillingSync = 1,
    Scim = 2,
}

public sealed record OrganizationApiKeyRequest([property: Required, MaxLength(300)] string MasterPasswordHash,
    OrganizationApiKeyType Type = OrganizationApiKeyType.Default) : IRequestModel;

/// <summary>
/// <c>POST /organizations/{id}/api-key</c> and <c>rotate-api-key</c>, as the Admin Console calls them: the public API
/// key (owners) and, with <c>type: 2</c>, the SCIM key (owners, admins and members who manage SCIM). Both are
/// stored protected; a rotated key stops at once, tokens minted with it included.
/// </summary>
public static class OrganizationApiKeyEndpoints
{
    public static void MapOrganizationApiKeyEndpoints(this RouteGroupBuilder orgs)
    {
        orgs.MapPost("/{id:guid}/api-key", (Guid id, OrganizationApiKeyRequest request, [AsParameters] Services s, CancellationToken ct) =>
            RevealAsync(id, request, rotate: false, s, ct));
        orgs.MapPost("/{id:guid}/rotate-api-key", (Guid id, OrganizationApiKeyRequest request, [AsParameters] Services s, CancellationToken ct) =>
            RevealAsync(id, request, rotate: true, s, ct));
    }

    public sealed record Services(OrganizationAccess Access, AppDbContext Db, CurrentUser Caller, MasterPasswordHasher Hasher,
        TenantApiKeys Keys, EventLog Events);

    static async Task<OrganizationApiKeyResponse> RevealAsync(Guid id, OrganizationApiKeyRequest request, bool rotate, Services s, CancellationToken ct)
    {
        if (request.Type == OrganizationApiKeyType.BillingSync)
        {
            throw BadRequestException.ForField("Type", "Self-hosted organizations have no billing sync key.");
        }
        var scim = request.Type == OrganizationApiKeyType.Scim;
        var caller = await s.Access.RequireAsync(id, c => scim ? c.CanManageScim : c.IsOwner, ct);
        s.Hasher.Require(await AccountEndpoints.LoadAsync(s.Db, s.Caller, ct), request.MasterPasswordHash);
        var org = caller.Organization;
        var (stored, secret, created) = s.Keys.Issue(scim ? org.ScimApiKey : org.ApiKey, rotate);
        if (created)
        {
            s.Events.Add(EventType.Organization_Updated, new EventSubject(), caller);
        }
        if (scim)
        {
            org.ScimApiKey = stored;
        }
        else
        {
            org.ApiKey = stored;
        }
        await s.Db.SaveChangesAsync(ct);
        return new(secret, org.RevisionDate);
    }
}
