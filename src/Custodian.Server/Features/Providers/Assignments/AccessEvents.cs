using Custodian.Server.Features.Events;

namespace Custodian.Server.Features.Providers.Assignments;

/// <summary>
/// Provider access events: one row with both the provider's and the client's id, so it reads in both logs; the
/// technician is the subject (<c>userId</c>, <c>providerUserId</c>) and whoever acted is the acting user.
/// </summary>
public static class AccessEvents
{
    public static void Add(EventLog events, EventType type, Guid providerId, Guid providerUserId, Guid? technicianUserId,
        Guid organizationId, string? reason = null) =>
        events.Add(type, new EventSubject(OrganizationId: organizationId, ProviderId: providerId, ProviderUserId: providerUserId,
            UserId: technicianUserId), reason: reason);
}
