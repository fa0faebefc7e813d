using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers.Assignments;

/// <summary>
/// Assigning technicians to clients: every change is a difference between the pairs there are and the pairs wanted,
/// recorded pair by pair in both logs, and the technicians it touches resync (their vaults gain or lose the client).
/// </summary>
public sealed class AssignmentService(AppDbContext db, EventLog events, ProviderReach reach, TimeProvider time)
{
    /// <summary>Stages one assignment (the caller knows it is new).</summary>
    public void Assign(ProviderUser user, ProviderOrganization client, DateTime now)
    {
        db.ProviderAssignments.Add(new ProviderAssignment
        {
            Id = Guid.CreateVersion7(), ProviderUserId = user.Id, ProviderOrganizationId = client.Id, CreationDate = now,
        });
        AccessEvents.Add(events, EventType.ProviderAccess_Assigned, user.ProviderId, user.Id, user.UserId, client.OrganizationId);
    }

    /// <summary>Adds (or removes) every pair of <paramref name="userIds"/> × <paramref name="organizationIds"/>; pairs already so are left alone.</summary>
    public async Task ChangePairsAsync(Guid providerId, IReadOnlyCollection<Guid> userIds, IReadOnlyCollection<Guid> organizationIds, bool assign,
        CancellationToken ct)
    {
        var (users, clients) = await LoadAsync(providerId, userIds, organizationIds, ct);
        var wanted = users.Values.SelectMany(u => clients.Values.Select(c => (u.Id, c.Id))).ToHashSet();
        var linkIds = clients.Values.Select(c => c.Id).ToList();
        var userIdList = users.Keys.ToList();
        var current = await db.ProviderAssignments.Where(a => userIdList.Contains(a.ProviderUserId) && linkIds.Contains(a.ProviderOrganizationId)).ToListAsync(ct);
        var target = assign ? current.Select(a => (a.ProviderUserId, a.ProviderOrganizationId)).Union(wanted) : current.Select(a => (a.ProviderUserId, a.ProviderOrganizationId)).Except(wanted);
        await ApplyAsync(providerId, current, [.. target], ct);
    }

    /// <summary>Makes <paramref name="userIds"/> the client's technicians.</summary>
    public async Task ReplaceForClientAsync(Guid providerId, Guid organizationId, IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        var (users, clients) = await LoadAsync(providerId, userIds, [organizationId], ct);
        var client = clients.Values.Single();
        var current = await db.ProviderAssignments.Where(a => a.ProviderOrganizationId == client.Id).ToListAsync(ct);
        await ApplyAsync(providerId, current, [.. users.Keys.Select(u => (u, client.Id))], ct);
    }

    /// <summary>Makes <paramref name="organizationIds"/> the technician's clients.</summary>
    public async Task ReplaceForUserAsync(Guid providerId, Guid providerUserId, IReadOnlyCollection<Guid> organizationIds, CancellationToken ct)
    {
        var (users, clients) = await LoadAsync(providerId, [providerUserId], organizationIds, ct);
        var current = await db.ProviderAssignments.Where(a => a.ProviderUserId == providerUserId).ToListAsync(ct);
        await ApplyAsync(providerId, current, [.. clients.Values.Select(c => (providerUserId, c.Id))], ct);
    }

    /// <summary>Adds the wanted pairs not there, removes the current ones not wanted, records each, saves once.</summary>
    async Task ApplyAsync(Guid providerId, List<ProviderAssignment> current, HashSet<(Guid UserId, Guid LinkId)> wanted, CancellationToken ct)
    {
        var have = current.ToDictionary(a => (a.ProviderUserId, a.ProviderOrganizationId));
        var added = wanted.Where(p => !have.ContainsKey(p)).ToList();
        var removed = current.Where(a => !wanted.Contains((a.ProviderUserId, a.ProviderOrganizationId))).ToList();
        var userIds = added.Select(p => p.UserId).Concat(removed.Select(a => a.ProviderUserId)).Distinct().ToList();
        var linkIds = added.Select(p => p.LinkId).Concat(removed.Select(a => a.ProviderOrganizationId)).Distinct().ToList();
        var users = await db.ProviderUsers.Where(u => u.ProviderId == providerId && userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var links = await db.ProviderOrganizations.Where(l => l.ProviderId == providerId && linkIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (userId, linkId) in added)
        {
            Assign(users[userId], links[linkId], now);
        }
        foreach (var assignment in removed)
        {
            var user = users[assignment.ProviderUserId];
            db.ProviderAssignments.Remove(assignment);
            AccessEvents.Add(events, EventType.ProviderAccess_Unassigned, providerId, user.Id, user.UserId, links[assignment.ProviderOrganizationId].OrganizationId);
        }
        await OrganizationRevision.SaveAndBumpUsersAsync(db, [.. users.Values.Select(u => u.UserId).OfType<Guid>()], time, ct);
        reach.Forget();
    }

    /// <summary>The provider's users and clients named; any other id is a 400 naming the field.</summary>
    async Task<(Dictionary<Guid, ProviderUser> Users, Dictionary<Guid, ProviderOrganization> Clients)> LoadAsync(Guid providerId,
        IReadOnlyCollection<Guid> userIds, IReadOnlyCollection<Guid> organizationIds, CancellationToken ct)
    {
        var users = await db.ProviderUsers.Where(u => u.ProviderId == providerId && userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        if (users.Count != userIds.Distinct().Count())
        {
            throw BadRequestException.ForField("ProviderUserIds", "A user does not belong to this provider.");
        }
        var clients = await db.ProviderOrganizations.Where(l => l.ProviderId == providerId && organizationIds.Contains(l.OrganizationId))
            .ToDictionaryAsync(l => l.OrganizationId, ct);
        if (clients.Count != organizationIds.Distinct().Count())
        {
            throw BadRequestException.ForField("OrganizationIds", "An organization is not a client of this provider.");
        }
        return (users, clients);
    }
}
