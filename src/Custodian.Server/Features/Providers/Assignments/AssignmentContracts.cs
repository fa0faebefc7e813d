using System.ComponentModel.DataAnnotations;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Providers.Assignments;

/// <summary>Every pair of the named technicians and clients (bulk both ways at once).</summary>
public sealed record AssignmentPairsRequest([property: Required, MaxLength(500)] IReadOnlyList<Guid> ProviderUserIds,
    [property: Required, MaxLength(5000)] IReadOnlyList<Guid> OrganizationIds) : IRequestModel;

public sealed record ClientTechniciansRequest([property: Required, MaxLength(500)] IReadOnlyList<Guid> ProviderUserIds) : IRequestModel;

public sealed record TechnicianClientsRequest([property: Required, MaxLength(5000)] IReadOnlyList<Guid> OrganizationIds) : IRequestModel;

public sealed record TeamRequest([property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: Required, MaxLength(500)] IReadOnlyList<Guid> ProviderUserIds,
    [property: Required, MaxLength(5000)] IReadOnlyList<Guid> OrganizationIds) : IRequestModel;

public sealed record TeamResponse(Guid Id, string Name, IReadOnlyList<Guid> ProviderUserIds, IReadOnlyList<Guid> OrganizationIds)
    : ResponseModel("providerTeam");

/// <summary>How a technician reaches a client's items now: <c>assigned</c>, <c>team</c> or <c>grant</c> (until <see cref="ExpiresAt"/>).</summary>
public sealed record ReachResponse(Guid ProviderUserId, Guid? UserId, string? Email, string? Name, Guid OrganizationId, string OrganizationName,
    string Via, Guid? TeamId, string? TeamName, Guid? GrantId, DateTime? ExpiresAt) : ResponseModel("providerAccessReach");

public sealed record AccessGrantRequest(Guid OrganizationId, [property: Required, StringLength(500, MinimumLength = 3)] string Reason,
    [property: Range(1, 10080)] int DurationMinutes) : IRequestModel;

public sealed record AccessGrantResponse(Guid Id, Guid ProviderId, Guid ProviderUserId, Guid? UserId, string? Email, Guid OrganizationId,
    string? OrganizationName, string Reason, int DurationMinutes, AccessGrantStatus Status, bool AwaitsProvider, bool AwaitsClient,
    Guid? DecidedByUserId, DateTime? DecidedAt, DateTime? ExpiresAt, DateTime? FirstUsedAt, DateTime CreationDate) : ResponseModel("providerAccessGrant");

public sealed record AccessSettingsRequest([property: Range(15, 10080)] int MaxGrantMinutes, bool RequestsNeedApproval) : IRequestModel;

/// <summary>A client's own rule at the provider; null returns it to the provider's default.</summary>
public sealed record ClientAccessSettingRequest(bool? RequestsNeedApproval) : IRequestModel;

public sealed record ClientAccessSettingResponse(Guid OrganizationId, bool RequestsNeedApproval);

public sealed record AccessSettingsResponse(int MaxGrantMinutes, bool RequestsNeedApproval, IReadOnlyList<ClientAccessSettingResponse> Clients)
    : ResponseModel("providerAccessSettings");

/// <summary>The client's view: its provider, its own approval rule, who reaches its vault now, and the requests and grants so far.</summary>
public sealed record ClientProviderAccessResponse(Guid? ProviderId, string? ProviderName, bool RequiresApproval, IReadOnlyList<ReachResponse> Now,
    IReadOnlyList<AccessGrantResponse> Grants) : ResponseModel("organizationProviderAccess");

public sealed record ClientApprovalSettingRequest(bool RequiresApproval) : IRequestModel;
