using System.ComponentModel.DataAnnotations;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Providers.Bulk;

/// <summary>Which clients a bulk action reaches: all of them, those matching a search and/or a tag, or a list of ids.</summary>
public sealed record ClientSelectionRequest(
    bool All = false,
    [property: StringLength(50)] string? Search = null,
    Guid? TagId = null,
    [property: MaxLength(10000)] IReadOnlyList<Guid>? OrganizationIds = null);

/// <summary>The one place that turns a search, a tag or a choice into a provider's client orgs.</summary>
public static class ClientSelection
{
    public static IQueryable<Organization> ClientsOf(AppDbContext db, Guid providerId) =>
        db.Organizations.Where(o => db.ProviderOrganizations.Any(l => l.OrganizationId == o.Id && l.ProviderId == providerId));

    /// <summary>Name contains <paramref name="search"/> (any case) and, when given, the client carries <paramref name="tagId"/>.</summary>
    public static IQueryable<Organization> Filter(AppDbContext db, IQueryable<Organization> orgs, string? search, Guid? tagId)
    {
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            orgs = orgs.Where(o => o.Name.ToLower().Contains(term));
        }
        if (tagId is { } tag)
        {
            orgs = orgs.Where(o => db.ProviderClientTagLinks.Any(t => t.TagId == tag && t.OrganizationId == o.Id));
        }
        return orgs;
    }

    /// <summary>The chosen clients; choosing nothing at all is a 400 rather than silently everything.</summary>
    public static IQueryable<Organization> Select(AppDbContext db, Guid providerId, ClientSelectionRequest selection)
    {
        var clients = ClientsOf(db, providerId);
        if (selection.OrganizationIds is { Count: > 0 } ids)
        {
            return clients.Where(o => ids.Contains(o.Id));
        }
        if (!selection.All && string.IsNullOrWhiteSpace(selection.Search) && selection.TagId is null)
        {
            throw BadRequestException.ForField("Selection", "Choose clients: all, a search, a tag or a list.");
        }
        return Filter(db, clients, selection.Search, selection.TagId);
    }
}
