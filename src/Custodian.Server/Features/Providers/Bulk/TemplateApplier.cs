using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers.Bulk;

/// <summary>A template collection the client lacks, its name re-encrypted by the browser under the client's org key.</summary>
public sealed record AppliedCollection(Guid Id, [property: Required, EncryptedString, EncryptedStringLength(1000)] string Name);

/// <summary>Where a client differs from its template in what the server can compare (collection names it cannot: the browser does).</summary>
public sealed record PolicyDrift(PolicyType Type, bool Enabled, JsonElement? Data, bool ClientEnabled, JsonElement? ClientData);

public sealed record TemplateDriftResponse(Guid TemplateId, Guid OrganizationId, string? Key, IReadOnlyList<ClientCollectionName> Collections,
    IReadOnlyList<string> MissingGroups, IReadOnlyList<PolicyDrift> Policies, bool CollectionManagementDiffers, bool Follows)
    : ResponseModel("providerClientTemplateDrift");

public sealed record ClientCollectionName(Guid Id, string Name);

/// <summary>
/// Sets a client up from a template: the groups it lacks (matched by name), the policies whose state differs, the
/// collection-management settings, and the collections the browser found missing (it alone can read the names).
/// Each change goes through the same code as the Admin Console's own routes and is logged as the caller acting
/// through the provider, so it shows in both the client's and the provider's log.
/// </summary>
public sealed class TemplateApplier(AppDbContext db, OrganizationAccess access, CollectionService collections, EventLog events, TimeProvider time,
    TwoFactorCompliance twoFactor)
{
    public async Task ApplyAsync(Guid providerId, ProviderClientTemplate template, Guid organizationId, IReadOnlyList<AppliedCollection> missing,
        CancellationToken ct)
    {
        var link = await db.ProviderOrganizations.SingleOrDefaultAsync(l => l.OrganizationId == organizationId && l.ProviderId == providerId, ct)
            ?? throw new NotFoundException();
        var caller = await access.RequireAsync(organizationId, c => c.ProviderId == providerId, ct);
        var body = template.Parsed;
        var byRef = (body.Collections ?? []).ToDictionary(c => c.Id);
        if (missing.Any(m => !byRef.ContainsKey(m.Id)) || missing.Select(m => m.Id).Distinct().Count() != missing.Count)
        {
            throw BadRequestException.ForField("Collections", "Only the template's collections can be applied, each once.");
        }
        var groups = await EnsureGroupsAsync(caller, body, ct);
        // Saved before anything refers to them; every step is idempotent, so an apply cut short is finished by the next.
        await db.SaveChangesAsync(ct);
        foreach (var policy in body.Policies ?? [])
        {
            var current = await db.Policies.AsNoTracking().SingleOrDefaultAsync(p => p.OrganizationId == organizationId && p.Type == policy.Type, ct);
            if (!Same(policy, current))
            {
                await PolicyEndpoints.SaveAsync(caller, policy.Type, policy.Enabled, policy.Data, db, events, time, twoFactor, ct);
            }
        }
        if (body.CollectionManagement is { } settings && !Same(settings, caller.Organization))
        {
            var org = caller.Organization;
            (org.LimitCollectionCreation, org.LimitCollectionDeletion, org.LimitItemDeletion, org.AllowAdminAccessToAllCollectionItems) =
                (settings.LimitCollectionCreation, settings.LimitCollectionDeletion, settings.LimitItemDeletion, settings.AllowAdminAccessToAllCollectionItems);
            events.Add(EventType.Organization_CollectionManagementUpdated, new EventSubject(), caller);
        }
        await AddCollectionsAsync(caller, template.Id, body, missing.Select(m => (byRef[m.Id], m.Name)).ToList(), groups, ct);
        var followed = await db.ProviderClientTemplateLinks.SingleOrDefaultAsync(t => t.ProviderOrganizationId == link.Id, ct);
        if (followed is null)
        {
            db.ProviderClientTemplateLinks.Add(followed = new ProviderClientTemplateLink { ProviderOrganizationId = link.Id });
        }
        followed.TemplateId = template.Id;
        followed.AppliedDate = time.GetUtcNow().UtcDateTime;
        await collections.SaveAsync(organizationId, ct);
    }

    /// <summary>What the server can tell of a client's drift, and the client's collection names for the browser to compare.</summary>
    public async Task<TemplateDriftResponse> DriftAsync(Guid providerId, ProviderClientTemplate template, Guid organizationId, CancellationToken ct)
    {
        var link = await db.ProviderOrganizations.AsNoTracking().SingleOrDefaultAsync(l => l.OrganizationId == organizationId && l.ProviderId == providerId, ct)
            ?? throw new NotFoundException();
        var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organizationId, ct);
        var body = template.Parsed;
        var names = await db.Collections.AsNoTracking().Where(c => c.OrganizationId == organizationId).OrderBy(c => c.Id)
            .Select(c => new ClientCollectionName(c.Id, c.Name)).ToListAsync(ct);
        var groupNames = await db.Groups.Where(g => g.OrganizationId == organizationId).Select(g => g.Name).ToListAsync(ct);
        var policies = await db.Policies.AsNoTracking().Where(p => p.OrganizationId == organizationId).ToDictionaryAsync(p => p.Type, ct);
        var drift = (body.Policies ?? []).Where(p => !Same(p, policies.GetValueOrDefault(p.Type))).Select(p =>
        {
            var current = policies.GetValueOrDefault(p.Type);
            return new PolicyDrift(p.Type, p.Enabled, p.Data, current?.Enabled ?? false, current?.Data is { } d ? JsonSerializer.Deserialize<JsonElement>(d) : null);
        }).ToList();
        var follows = await db.ProviderClientTemplateLinks.AnyAsync(t => t.ProviderOrganizationId == link.Id && t.TemplateId == template.Id, ct);
        return new(template.Id, organizationId, link.Key, names, [.. (body.Groups ?? []).Select(g => g.Name).Except(groupNames, StringComparer.Ordinal)],
            drift, body.CollectionManagement is { } s && !Same(s, org), follows);
    }

    async Task<Dictionary<string, Guid>> EnsureGroupsAsync(OrgCaller caller, TemplateBody body, CancellationToken ct)
    {
        var existing = await db.Groups.Where(g => g.OrganizationId == caller.OrganizationId).ToListAsync(ct);
        var byName = existing.GroupBy(g => g.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        foreach (var wanted in body.Groups ?? [])
        {
            if (!byName.ContainsKey(wanted.Name))
            {
                var group = new Group { Id = Guid.CreateVersion7(), OrganizationId = caller.OrganizationId, Name = wanted.Name, CreationDate = time.GetUtcNow().UtcDateTime };
                db.Groups.Add(group);
                byName[wanted.Name] = group.Id;
                events.Add(EventType.Group_Created, new EventSubject(GroupId: group.Id), caller);
            }
        }
        return byName;
    }

    /// <summary>New collections with the template's access for every owner and admin of the client, and for its groups.</summary>
    async Task AddCollectionsAsync(OrgCaller caller, Guid templateId, TemplateBody body, List<(TemplateCollection Template, string Name)> added, Dictionary<string, Guid> groups,
        CancellationToken ct)
    {
        if (added.Count == 0)
        {
            return;
        }
        var leaders = await db.OrganizationUsers.Where(m => m.OrganizationId == caller.OrganizationId && m.Status != OrganizationUserStatus.Revoked
                && (m.Type == OrganizationUserType.Owner || m.Type == OrganizationUserType.Admin))
            .Select(m => new { m.Id, m.Type }).ToListAsync(ct);
        foreach (var (template, name) in added)
        {
            var collection = new Collection { Id = Guid.CreateVersion7(), OrganizationId = caller.OrganizationId, Name = name, CreationDate = time.GetUtcNow().UtcDateTime };
            db.Collections.Add(collection);
            // Remembered so an owner or admin who joins later gets the same access (TemplateLeaderAccess).
            db.Add(new TemplateCollectionOrigin { CollectionId = collection.Id, TemplateId = templateId, TemplateCollectionId = template.Id });
            var users = leaders.Select(m => (m.Id, Access: m.Type == OrganizationUserType.Owner ? template.OwnerAccess : template.AdminAccess))
                .Where(m => m.Access is not null).Select(m => new AccessSelection(m.Id, m.Access!.ReadOnly, m.Access.HidePasswords, m.Access.Manage)).ToList();
            var groupAccess = (body.Groups ?? []).SelectMany(g => (g.Collections ?? []).Where(a => a.Id == template.Id)
                .Select(a => new AccessSelection(groups[g.Name], a.ReadOnly, a.HidePasswords, a.Manage))).ToList();
            await collections.SetAccessAsync(caller, collection.Id, users, groupAccess, ct);
            events.Add(EventType.Collection_Created, new EventSubject(CollectionId: collection.Id), caller);
        }
    }

    static bool Same(TemplatePolicy wanted, Policy? current) =>
        (current?.Enabled ?? false) == wanted.Enabled && (!wanted.Enabled || SameJson(wanted.Data, current?.Data));

    static bool SameJson(JsonElement? wanted, string? current) =>
        wanted is not { ValueKind: JsonValueKind.Object } w ? current is null or "{}" or "null"
            : current is not null && JsonElement.DeepEquals(w, JsonSerializer.Deserialize<JsonElement>(current));

    static bool Same(CollectionManagement s, Organization o) =>
        s.LimitCollectionCreation == o.LimitCollectionCreation && s.LimitCollectionDeletion == o.LimitCollectionDeletion
        && s.LimitItemDeletion == o.LimitItemDeletion && s.AllowAdminAccessToAllCollectionItems == o.AllowAdminAccessToAllCollectionItems;
}
