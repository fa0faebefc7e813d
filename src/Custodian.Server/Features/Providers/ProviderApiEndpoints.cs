using System.ComponentModel.DataAnnotations;
using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers;

public sealed record ProviderApiClientResponse(Guid Id, string Name, bool Enabled, int? Seats, int OccupiedSeats, int ConfirmedMembers,
    string? Plan, DateTime CreationDate) : ResponseModel("providerClient");

/// <summary>What a script may change on a client; null leaves a field as it is, 0 seats means unlimited.</summary>
public sealed record ProviderApiClientUpdate([property: StringLength(50, MinimumLength = 1)] string? Name,
    [property: Range(0, 100000)] int? Seats, bool? Enabled) : IRequestModel;

public sealed record ProviderApiBulkRequest([property: Required, MinLength(1), MaxLength(1000)] IReadOnlyList<Guid> Ids,
    [property: Range(0, 100000)] int? Seats, bool? Enabled) : IRequestModel;

public sealed record ProviderApiKeyRequest([property: Required, MaxLength(300)] string MasterPasswordHash) : IRequestModel;

/// <summary>
/// The provider API (Custodian's, beyond Bitwarden) at <c>/api/provider-api</c>, for <c>api.provider</c> tokens from
/// the provider key (<c>client_id=provider.{id}</c>): clients with seats and usage, rename, seats, enable/disable
/// (one or many), a client's members, and the provider's event log. It never touches keys: creating a client needs
/// the provider key to wrap the new org key, which only a provider user's client holds, so that stays with the web
/// UI and the CLI route.
/// </summary>
public static class ProviderApiEndpoints
{
    public static void MapProviderApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/provider-api").RequireAuthorization(AuthSetup.ProviderApiPolicy)
            .AddRequestFilters().WithTags("Provider API");
        api.MapGet("/clients", List);
        api.MapPut("/clients/{id:guid}", async (Guid id, ProviderApiClientUpdate request, [AsParameters] Services s, CancellationToken ct) =>
        {
            var error = await UpdateAsync(await ProviderIdAsync(s, ct), id, request, s, ct);
            if (error.Length > 0)
            {
                throw error == NotFound ? new NotFoundException() : new BadRequestException(error);
            }
            await s.Db.SaveChangesAsync(ct);
        });
        api.MapPost("/clients/bulk", Bulk);
        api.MapGet("/clients/{id:guid}/members", Members);
        api.MapGet("/events", async (DateTime? start, DateTime? end, string? continuationToken, [AsParameters] Services s, CancellationToken ct) =>
            await EventEndpoints.PageAsync(s.Db.Events.Where(e => e.ProviderId == s.Caller.TenantId), start, end, continuationToken, s.Time, ct));
        // The monthly usage report for PSA imports: JSON pages, or the whole month as CSV.
        api.MapGet("/billing/usage", async (string? period, string? continuationToken, int? pageSize, [AsParameters] Services s, CancellationToken ct) =>
            await Billing.UsageReport.ListAsync(s.Db, await ProviderIdAsync(s, ct), period, continuationToken, pageSize, s.Time, ct));
        api.MapGet("/billing/usage.csv", async (string? period, HttpContext http, [AsParameters] Services s, CancellationToken ct) =>
            await Billing.UsageReport.WriteCsvAsync(http, s.Db, await ProviderIdAsync(s, ct), period, s.Time, ct));
    }

    /// <summary>Provider admins create and rotate the key (Provider Portal settings), re-confirming their password.</summary>
    public static void MapProviderApiKeyEndpoints(this RouteGroupBuilder api)
    {
        var provider = api.MapGroup("/providers/{providerId:guid}").WithTags("Providers").RequireProviderUser().AdminOnly();
        provider.MapPost("/api-key", (Guid providerId, ProviderApiKeyRequest request, [AsParameters] KeyServices s, CancellationToken ct) =>
            RevealKeyAsync(providerId, request, rotate: false, s, ct));
        provider.MapPost("/rotate-api-key", (Guid providerId, ProviderApiKeyRequest request, [AsParameters] KeyServices s, CancellationToken ct) =>
            RevealKeyAsync(providerId, request, rotate: true, s, ct));
    }

    public sealed record Services(AppDbContext Db, CurrentUser Caller, EventLog Events, TimeProvider Time);

    public sealed record KeyServices(ProviderCallers Callers, AppDbContext Db, CurrentUser Caller, MasterPasswordHasher Hasher, TenantApiKeys Keys, EventLog Events);

    const string NotFound = "Client not found.";

    static async Task<OrganizationApiKeyResponse> RevealKeyAsync(Guid providerId, ProviderApiKeyRequest request, bool rotate, KeyServices s, CancellationToken ct)
    {
        var provider = s.Callers.Current.Provider;
        s.Hasher.Require(await AccountEndpoints.LoadAsync(s.Db, s.Caller, ct), request.MasterPasswordHash);
        var (stored, secret, created) = s.Keys.Issue(provider.ApiKey, rotate);
        provider.ApiKey = stored;
        if (created)
        {
            s.Events.Add(EventType.ProviderUser_Updated, new EventSubject(ProviderId: providerId));
        }
        await s.Db.SaveChangesAsync(ct);
        return new(secret, provider.RevisionDate);
    }

    /// <summary>The provider of the token, still enabled (the grant checked the key; the provider may be off since).</summary>
    static async Task<Guid> ProviderIdAsync(Services s, CancellationToken ct)
    {
        var id = s.Caller.TenantId ?? throw new NotFoundException();
        return await s.Db.Providers.AnyAsync(p => p.Id == id && p.Enabled, ct) ? id : throw new NotFoundException();
    }

    static IQueryable<Organization> Clients(AppDbContext db, Guid providerId) =>
        db.Organizations.Where(o => db.ProviderOrganizations.Any(l => l.OrganizationId == o.Id && l.ProviderId == providerId));

    /// <summary>Every client with its seats and usage: two queries, whatever the number of clients.</summary>
    static async Task<ListResponse<ProviderApiClientResponse>> List([AsParameters] Services s, CancellationToken ct)
    {
        var providerId = await ProviderIdAsync(s, ct);
        var orgs = await Clients(s.Db, providerId).AsNoTracking().OrderBy(o => o.Name).ThenBy(o => o.Id).ToListAsync(ct);
        var counts = (await s.Db.OrganizationUsers.Where(m => Clients(s.Db, providerId).Any(o => o.Id == m.OrganizationId))
                .GroupBy(m => new { m.OrganizationId, m.Status }).Select(g => new { g.Key.OrganizationId, g.Key.Status, Count = g.Count() })
                .ToListAsync(ct)).ToLookup(c => c.OrganizationId);
        return new([.. orgs.Select(o => new ProviderApiClientResponse(o.Id, o.Name, o.Enabled, o.Seats,
            counts[o.Id].Where(c => c.Status != OrganizationUserStatus.Revoked).Sum(c => c.Count),
            counts[o.Id].Where(c => c.Status == OrganizationUserStatus.Confirmed).Sum(c => c.Count),
            OrganizationPlans.NameOf(o.PlanType), o.CreationDate))]);
    }

    static async Task<ListResponse<MemberBulkResult>> Bulk(ProviderApiBulkRequest request, [AsParameters] Services s, CancellationToken ct)
    {
        var providerId = await ProviderIdAsync(s, ct);
        var change = new ProviderApiClientUpdate(null, request.Seats, request.Enabled);
        var results = new List<MemberBulkResult>();
        foreach (var id in request.Ids.Distinct())
        {
            results.Add(new(id, await UpdateAsync(providerId, id, change, s, ct)));
        }
        await s.Db.SaveChangesAsync(ct);
        return new(results);
    }

    /// <summary>One client's change, or why not; the caller saves (once for a bulk request). Bulk jobs (Bulk/) use it too.</summary>
    internal static async Task<string> UpdateAsync(Guid providerId, Guid organizationId, ProviderApiClientUpdate change, Services s, CancellationToken ct)
    {
        var org = await Clients(s.Db, providerId).SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (org is null)
        {
            return NotFound;
        }
        if (change.Seats is { } seats)
        {
            var occupied = await s.Db.OrganizationUsers.CountAsync(m => m.OrganizationId == org.Id && m.Status != OrganizationUserStatus.Revoked, ct);
            if (seats > 0 && seats < occupied)
            {
                return $"The organization already uses {occupied} seats.";
            }
            org.Seats = seats > 0 ? seats : null;
        }
        org.Name = change.Name ?? org.Name;
        org.Enabled = change.Enabled ?? org.Enabled;
        s.Events.Add(EventType.Organization_Updated, new EventSubject(OrganizationId: org.Id, ProviderId: providerId));
        return "";
    }

    static async Task<StreamedListResponse<MemberResponse>> Members(Guid id, [AsParameters] Services s, MemberService members, CancellationToken ct)
    {
        var providerId = await ProviderIdAsync(s, ct);
        if (!await Clients(s.Db, providerId).AnyAsync(o => o.Id == id, ct))
        {
            throw new NotFoundException();
        }
        return new(members.ResponsesAsync(s.Db.OrganizationUsers.Where(m => m.OrganizationId == id), includeCollections: false,
            includeGroups: true, "organizationUserUserDetails", ct));
    }
}
