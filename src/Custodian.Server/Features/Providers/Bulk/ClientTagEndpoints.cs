using System.ComponentModel.DataAnnotations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers.Bulk;

public sealed record ClientTagRequest([property: Required, StringLength(50, MinimumLength = 1)] string Name) : IRequestModel;

public sealed record ClientTaggingRequest([property: Required, MaxLength(10000)] IReadOnlyList<Guid> OrganizationIds) : IRequestModel;

public sealed record ClientTagResponse(Guid Id, string Name, int ClientCount) : ResponseModel("providerClientTag");

/// <summary>A client's tags, for the rows of the client list.</summary>
public sealed record ClientTagsOfResponse(Guid OrganizationId, IReadOnlyList<Guid> TagIds) : ResponseModel("providerClientTags");

/// <summary>
/// A provider's client tags. Every provider user reads them and filters by them; tags are the provider's own
/// bookkeeping, so only its admins define them and put them on clients.
/// </summary>
public static class ClientTagEndpoints
{
    public static RouteGroupBuilder MapClientTagEndpoints(this RouteGroupBuilder provider)
    {
        provider.MapGet("/client-tags", List);
        provider.MapPost("/client-tags", Create).AdminOnly();
        provider.MapPut("/client-tags/{tagId:guid}", Rename).AdminOnly();
        provider.MapDelete("/client-tags/{tagId:guid}", Delete).AdminOnly();
        provider.MapPost("/client-tags/{tagId:guid}/clients", (Guid providerId, Guid tagId, ClientTaggingRequest request, AppDbContext db,
            CancellationToken ct) => Tag(providerId, tagId, request, add: true, db, ct)).AdminOnly();
        provider.MapPost("/client-tags/{tagId:guid}/clients/remove", (Guid providerId, Guid tagId, ClientTaggingRequest request, AppDbContext db,
            CancellationToken ct) => Tag(providerId, tagId, request, add: false, db, ct)).AdminOnly();
        provider.MapPost("/client-tags/of", Of);
        return provider;
    }

    static async Task<ListResponse<ClientTagResponse>> List(Guid providerId, AppDbContext db, CancellationToken ct) =>
        new(await db.ProviderClientTags.Where(t => t.ProviderId == providerId).OrderBy(t => t.Name)
            .Select(t => new ClientTagResponse(t.Id, t.Name, db.ProviderClientTagLinks.Count(l => l.TagId == t.Id))).ToListAsync(ct));

    static async Task<ClientTagResponse> Create(Guid providerId, ClientTagRequest request, AppDbContext db, CancellationToken ct)
    {
        var name = await UniqueNameAsync(db, providerId, request.Name, null, ct);
        var tag = new ProviderClientTag { Id = Guid.CreateVersion7(), ProviderId = providerId, Name = name };
        db.ProviderClientTags.Add(tag);
        await db.SaveChangesAsync(ct);
        return new(tag.Id, tag.Name, 0);
    }

    static async Task<ClientTagResponse> Rename(Guid providerId, Guid tagId, ClientTagRequest request, AppDbContext db, CancellationToken ct)
    {
        var tag = await LoadAsync(db, providerId, tagId, ct);
        tag.Name = await UniqueNameAsync(db, providerId, request.Name, tagId, ct);
        await db.SaveChangesAsync(ct);
        return new(tag.Id, tag.Name, await db.ProviderClientTagLinks.CountAsync(l => l.TagId == tagId, ct));
    }

    static async Task Delete(Guid providerId, Guid tagId, AppDbContext db, CancellationToken ct)
    {
        db.ProviderClientTags.Remove(await LoadAsync(db, providerId, tagId, ct));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Idempotent both ways; ids that are not this provider's clients are ignored, as a bulk request does.</summary>
    static async Task Tag(Guid providerId, Guid tagId, ClientTaggingRequest request, bool add, AppDbContext db, CancellationToken ct)
    {
        await LoadAsync(db, providerId, tagId, ct);
        var ids = request.OrganizationIds.Distinct().ToList();
        var links = await db.ProviderOrganizations.Where(l => l.ProviderId == providerId && ids.Contains(l.OrganizationId)).ToListAsync(ct);
        var tagged = await db.ProviderClientTagLinks.Where(t => t.TagId == tagId && ids.Contains(t.OrganizationId)).ToDictionaryAsync(t => t.OrganizationId, ct);
        foreach (var link in links)
        {
            if (add && !tagged.ContainsKey(link.OrganizationId))
            {
                db.ProviderClientTagLinks.Add(new ProviderClientTagLink { TagId = tagId, ProviderOrganizationId = link.Id, OrganizationId = link.OrganizationId });
            }
            else if (!add && tagged.TryGetValue(link.OrganizationId, out var row))
            {
                db.ProviderClientTagLinks.Remove(row);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The tags of the given clients (a page of the client list), in one query.</summary>
    static async Task<ListResponse<ClientTagsOfResponse>> Of(Guid providerId, ClientTaggingRequest request, AppDbContext db, CancellationToken ct)
    {
        var ids = request.OrganizationIds;
        var rows = await (from l in db.ProviderClientTagLinks
                          join t in db.ProviderClientTags on l.TagId equals t.Id
                          where t.ProviderId == providerId && ids.Contains(l.OrganizationId)
                          select new { l.OrganizationId, l.TagId }).ToListAsync(ct);
        return new([.. rows.GroupBy(r => r.OrganizationId).Select(g => new ClientTagsOfResponse(g.Key, [.. g.Select(r => r.TagId)]))]);
    }

    static async Task<ProviderClientTag> LoadAsync(AppDbContext db, Guid providerId, Guid tagId, CancellationToken ct) =>
        await db.ProviderClientTags.SingleOrDefaultAsync(t => t.Id == tagId && t.ProviderId == providerId, ct) ?? throw new NotFoundException();

    static async Task<string> UniqueNameAsync(AppDbContext db, Guid providerId, string name, Guid? self, CancellationToken ct)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0 || await db.ProviderClientTags.AnyAsync(t => t.ProviderId == providerId && t.Name == trimmed && t.Id != self, ct))
        {
            throw BadRequestException.ForField("Name", "The provider already has a tag of that name.");
        }
        return trimmed;
    }
}
