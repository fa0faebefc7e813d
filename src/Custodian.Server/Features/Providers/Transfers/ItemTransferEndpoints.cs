using Custodian.Server.Features.Events;
using Custodian.Server.Features.Providers.Assignments;
using Custodian.Server.Features.Vault;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers.Transfers;

/// <summary>
/// Copying or moving items from one client to another. The server never sees the items: the technician's browser
/// decrypts each one with the source client's key, re-encrypts it (and its attachments) under the target client's
/// key and creates it through the ordinary item routes. This route then checks the result and records it: in the
/// source client's log (copied or moved out), in the target's (copied or moved in), each row also in the
/// provider's. Neither client's row names the other client. A move deletes the originals for good in the same
/// transaction: a move must not leave them in the source's trash, restorable there.
/// </summary>
public static class ItemTransferEndpoints
{
    public static RouteGroupBuilder MapProviderItemTransferEndpoints(this RouteGroupBuilder api)
    {
        var provider = api.MapGroup("/providers/{providerId:guid}").WithTags("Provider item transfers").RequireProviderUser();
        provider.MapPost("/transfers", Record);
        return provider;
    }

    static async Task<ItemTransferResponse> Record(Guid providerId, ItemTransferRequest request, ProviderCallers callers, ProviderReach reach,
        AppDbContext db, CipherService service, EventLog events, AttachmentStore files, CancellationToken ct)
    {
        var pairs = Validated(request);
        await RequireCarriedAsync(providerId, [request.SourceOrganizationId, request.TargetOrganizationId], reach, db, ct);
        var sourceIds = pairs.Select(p => p.SourceCipherId).ToList();
        var targetIds = pairs.Select(p => p.TargetCipherId).ToList();
        var sources = await db.Ciphers.Where(c => sourceIds.Contains(c.Id) && c.OrganizationId == request.SourceOrganizationId).ToListAsync(ct);
        if (sources.Count != pairs.Count)
        {
            throw BadRequestException.ForField("Items", "Every source item must be an item of the source client.");
        }
        var targetCount = await db.Ciphers.CountAsync(c => targetIds.Contains(c.Id) && c.OrganizationId == request.TargetOrganizationId && c.DeletedDate == null, ct);
        if (targetCount != pairs.Count)
        {
            throw BadRequestException.ForField("Items", "Every copy must be an item of the target client.");
        }
        await RequireAttachmentsCopiedAsync(pairs, db, ct);

        var caller = callers.Current.User;
        var (outType, inType) = request.IsMove
            ? (EventType.ItemTransfer_MovedOut, EventType.ItemTransfer_MovedIn)
            : (EventType.ItemTransfer_CopiedOut, EventType.ItemTransfer_CopiedIn);
        foreach (var pair in pairs)
        {
            events.Add(outType, new EventSubject(OrganizationId: request.SourceOrganizationId, CipherId: pair.SourceCipherId,
                ProviderId: providerId, ProviderUserId: caller.Id, UserId: caller.UserId));
            events.Add(inType, new EventSubject(OrganizationId: request.TargetOrganizationId, CipherId: pair.TargetCipherId,
                ProviderId: providerId, ProviderUserId: caller.Id, UserId: caller.UserId));
        }
        if (request.IsMove)
        {
            await CipherEndpoints.DeleteAsync(sources, db, service, files, ct);   // one save: the events and the deletion
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }
        return new(request.Mode, pairs.Count);
    }

    static List<ItemTransferPair> Validated(ItemTransferRequest request)
    {
        if (request.SourceOrganizationId == request.TargetOrganizationId)
        {
            throw BadRequestException.ForField("TargetOrganizationId", "Choose a client other than the source.");
        }
        var pairs = request.Items.ToList();
        if (pairs.Any(p => p is null))
        {
            throw BadRequestException.ForField("Items", "Each item needs its source and its copy.");
        }
        var ids = pairs.SelectMany(p => new[] { p.SourceCipherId, p.TargetCipherId }).ToList();
        if (ids.Contains(Guid.Empty) || ids.Distinct().Count() != ids.Count)
        {
            throw BadRequestException.ForField("Items", "Each item and each copy may appear once.");
        }
        return pairs;
    }

    /// <summary>
    /// Both clients must be this provider's, enabled, and carried by the caller right now (assigned, through a team
    /// or under a live grant): administering a client without its items does not let one take them out or put
    /// items in. Anything else reads as missing.
    /// </summary>
    static async Task RequireCarriedAsync(Guid providerId, Guid[] organizationIds, ProviderReach reach, AppDbContext db, CancellationToken ct)
    {
        var carried = await reach.CarriedOrgIdsAsync(ct);
        var linked = await db.ProviderOrganizations.CountAsync(l => l.ProviderId == providerId && organizationIds.Contains(l.OrganizationId)
            && db.Organizations.Any(o => o.Id == l.OrganizationId && o.Enabled), ct);
        if (linked != organizationIds.Length || !organizationIds.All(carried.Contains))
        {
            throw new NotFoundException();
        }
    }

    /// <summary>
    /// A copy counts as complete only with as many uploaded attachments as its original and none half-uploaded, so a
    /// move never deletes an original whose files did not make it across.
    /// </summary>
    static async Task RequireAttachmentsCopiedAsync(List<ItemTransferPair> pairs, AppDbContext db, CancellationToken ct)
    {
        var ids = pairs.SelectMany(p => new[] { p.SourceCipherId, p.TargetCipherId }).ToList();
        var counts = await db.Attachments.Where(a => ids.Contains(a.CipherId))
            .GroupBy(a => new { a.CipherId, a.Uploaded }).Select(g => new { g.Key.CipherId, g.Key.Uploaded, Count = g.Count() }).ToListAsync(ct);
        int Count(Guid cipherId, bool uploaded) => counts.Where(c => c.CipherId == cipherId && c.Uploaded == uploaded).Sum(c => c.Count);
        if (pairs.Any(p => Count(p.TargetCipherId, uploaded: false) > 0 || Count(p.TargetCipherId, uploaded: true) != Count(p.SourceCipherId, uploaded: true)))
        {
            throw BadRequestException.ForField("Items", "A copy is missing some of its item's attachments; upload them, then record the transfer again.");
        }
    }
}
