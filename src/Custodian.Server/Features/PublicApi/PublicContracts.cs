using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.PublicApi;

// The shapes of Bitwarden's public API (src/Api/AdminConsole/Public/Models), which Directory Connector, scripts and
// PSA tools are written against. Property names are the public API's, camelCase.

/// <summary>Collection access of a member or group: <c>AssociationWithPermissionsRequestModel</c>/<c>…ResponseModel</c>.</summary>
public sealed record PublicAccess([property: Required] Guid? Id, [property: Required] bool? ReadOnly, bool? HidePasswords, bool? Manage)
{
    public AccessSelection ToSelection() => new(Id!.Value, ReadOnly ?? false, HidePasswords ?? false, Manage ?? false);
    public static PublicAccess From(Guid id, bool readOnly, bool hidePasswords, bool manage) => new(id, readOnly, hidePasswords, manage);
}

public sealed record PublicMemberCreateRequest(
    [property: Required, EmailAddress, StringLength(256)] string Email,
    [property: Required] OrganizationUserType? Type,
    [property: StringLength(300)] string? ExternalId,
    MemberPermissions? Permissions,
    IReadOnlyList<PublicAccess>? Collections,
    IReadOnlyList<Guid>? Groups) : IRequestModel;

public sealed record PublicMemberUpdateRequest(
    [property: Required] OrganizationUserType? Type,
    [property: StringLength(300)] string? ExternalId,
    MemberPermissions? Permissions,
    IReadOnlyList<PublicAccess>? Collections,
    IReadOnlyList<Guid>? Groups) : IRequestModel;

public sealed record PublicMemberResponse(
    Guid Id, Guid? UserId, string? Name, string Email, bool TwoFactorEnabled, OrganizationUserStatus Status,
    IReadOnlyList<PublicAccess>? Collections, bool ResetPasswordEnrolled, string? SsoExternalId,
    OrganizationUserType Type, string? ExternalId, MemberPermissions? Permissions) : ResponseModel("member");

public sealed record PublicGroupRequest(
    [property: Required, StringLength(100)] string Name,
    [property: StringLength(300)] string? ExternalId,
    IReadOnlyList<PublicAccess>? Collections) : IRequestModel;

public sealed record PublicGroupResponse(Guid Id, string Name, string? ExternalId, IReadOnlyList<PublicAccess> Collections)
    : ResponseModel("group");

public sealed record PublicMemberIdsRequest([property: Required] IReadOnlyList<Guid> MemberIds) : IRequestModel;

public sealed record PublicGroupIdsRequest([property: Required] IReadOnlyList<Guid> GroupIds) : IRequestModel;

public sealed record PublicCollectionUpdateRequest(
    [property: StringLength(300)] string? ExternalId,
    IReadOnlyList<PublicAccess>? Groups) : IRequestModel;

public sealed record PublicCollectionResponse(Guid Id, string? ExternalId, IReadOnlyList<PublicAccess>? Groups)
    : ResponseModel("collection");

public sealed record PublicPolicyUpdateRequest([property: Required] bool? Enabled, JsonElement? Data) : IRequestModel;

public sealed record PublicPolicyResponse(Guid Id, PolicyType Type, bool Enabled, JsonElement? Data) : ResponseModel("policy")
{
    public static PublicPolicyResponse From(Policy p) =>
        new(p.Id, p.Type, p.Enabled, p.Data is null ? null : JsonDocument.Parse(p.Data).RootElement.Clone());
}

/// <summary>Bitwarden's public <c>EventResponseModel</c>: items are "itemId", members "memberId", the device "device".</summary>
public sealed record PublicEventResponse(
    EventType Type, Guid? ItemId, Guid? CollectionId, Guid? GroupId, Guid? PolicyId, Guid? MemberId, Guid? ActingUserId,
    Guid? InstallationId, DateTime Date, int? Device, string? IpAddress) : ResponseModel("event")
{
    public static PublicEventResponse From(EventResponse e) => new(e.Type, e.CipherId, e.CollectionId, e.GroupId, e.PolicyId,
        e.OrganizationUserId, e.ActingUserId, null, e.Date, e.DeviceType, e.IpAddress);
}

/// <summary>What Directory Connector posts to <c>/public/organization/import</c>.</summary>
public sealed record OrganizationImportRequest(
    IReadOnlyList<ImportedGroup>? Groups,
    IReadOnlyList<ImportedMember>? Members,
    [property: Required] bool? OverwriteExisting,
    bool LargeImport = false) : IRequestModel;

public sealed record ImportedGroup(
    [property: Required, StringLength(100)] string Name,
    [property: Required, StringLength(300)] string ExternalId,
    IReadOnlyList<string>? MemberExternalIds);

public sealed record ImportedMember(
    [property: EmailAddress, StringLength(256)] string? Email,
    [property: Required, StringLength(300)] string ExternalId,
    bool Deleted = false);
