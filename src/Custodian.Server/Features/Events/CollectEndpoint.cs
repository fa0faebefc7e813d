using Custodian.Server.Features.Vault;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Events;

public sealed record CollectedEvent(EventType Type, Guid? CipherId, DateTime Date, Guid? OrganizationId);

/// <summary>
/// <c>POST /events/collect</c>: what clients report that the server cannot see (an item viewed, a password
/// copied, a vault exported). Only those types; items and orgs the caller cannot reach are dropped silently, as
/// Bitwarden does, so a client's batch never fails for one stale entry.
/// </summary>
public static class CollectEndpoint
{
    const int MaxBatch = 500;

    static readonly HashSet<EventType> ClientTypes =
    [
        EventType.Cipher_ClientViewed, EventType.Cipher_ClientToggledPasswordVisible, EventType.Cipher_ClientToggledHiddenFieldVisible,
        EventType.Cipher_ClientToggledCardCodeVisible, EventType.Cipher_ClientCopiedPassword, EventType.Cipher_ClientCopiedHiddenField,
        EventType.Cipher_ClientCopiedCardCode, EventType.Cipher_ClientAutofilled, EventType.Cipher_ClientToggledCardNumberVisible,
        EventType.Organization_ClientExportedVault, EventType.User_ClientExportedVault,
    ];

    public static void MapCollectEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost("/events/collect", Collect).RequireAuthorization().WithTags("Events");

    static async Task<IResult> Collect(List<CollectedEvent>? events, AppDbContext db, CurrentUser caller, CipherService ciphers,
        EventLog log, TimeProvider time, CancellationToken ct)
    {
        var batch = (events ?? []).Where(e => ClientTypes.Contains(e.Type)).Take(MaxBatch).ToList();
        var cipherIds = batch.Select(e => e.CipherId).OfType<Guid>().Distinct().ToList();
        var reachable = (await ciphers.LoadManyAsync(cipherIds, CipherAccess.Read, ct)).ToDictionary(c => c.Id);
        var memberOf = (await db.OrganizationUsers.Where(m => m.UserId == caller.Id && m.Status == Organizations.OrganizationUserStatus.Confirmed)
            .Select(m => m.OrganizationId).ToListAsync(ct)).ToHashSet();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var e in batch)
        {
            Guid? organizationId = e.Type switch
            {
                EventType.User_ClientExportedVault => null,
                EventType.Organization_ClientExportedVault => e.OrganizationId is { } org && memberOf.Contains(org) ? org : Guid.Empty,
                _ => e.CipherId is { } id && reachable.TryGetValue(id, out var c) ? c.OrganizationId ?? Guid.Empty : Guid.Empty,
            };
            if (organizationId == Guid.Empty || (e.Type != EventType.User_ClientExportedVault && organizationId is null))
            {
                continue;   // not the caller's to report
            }
            var date = e.Date.ToUniversalTime();
            log.Add(e.Type, new EventSubject(OrganizationId: organizationId, CipherId: e.CipherId, UserId: caller.Id), date: date > now ? now : date);
        }
        await db.SaveChangesAsync(ct);
        return Results.Ok();
    }
}
