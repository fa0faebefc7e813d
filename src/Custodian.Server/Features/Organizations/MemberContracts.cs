using System.ComponentModel.DataAnnotations;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Organizations;

public sealed record MemberInviteRequest(
    [property: Required, MinLength(1), MaxLength(20)] IReadOnlyList<string> Emails,
    OrganizationUserType Type,
    MemberPermissions? Permissions,
    [property: MaxLength(2000)] IReadOnlyList<AccessSelection>? Collections,
    [property: MaxLength(2000)] IReadOnlyList<Guid>? Groups,
    bool AccessSecretsManager) : IRequestModel;

public sealed record MemberUpdateRequest(
    OrganizationUserType Type,
    MemberPermissions? Permissions,
    [property: MaxLength(2000)] IReadOnlyList<AccessSelection>? Collections,
    [property: MaxLength(2000)] IReadOnlyList<Guid>? Groups,
    bool AccessSecretsManager) : IRequestModel;

public sealed record MemberAcceptRequest([property: Required] string Token,
    [property: EncryptedString, EncryptedStringLength(1000)] string? ResetPasswordKey) : IRequestModel;

public sealed record MemberConfirmRequest(
    /// <summary>The org key, RSA-wrapped to the member's public key (EncString type 4).</summary>
    [property: Required, EncryptedString, EncryptedStringLength(1000)] string Key,
    [property: EncryptedString, EncryptedStringLength(1000)] string? DefaultUserCollectionName) : IRequestModel;

public sealed record MemberKey(Guid Id, [property: Required, EncryptedString, EncryptedStringLength(1000)] string Key);

public sealed record MemberBulkConfirmRequest(
    [property: Required, MaxLength(500)] IReadOnlyList<MemberKey> Keys,
    [property: EncryptedString, EncryptedStringLength(1000)] string? DefaultUserCollectionName) : IRequestModel;

public sealed record MemberIdsRequest([property: Required, MaxLength(500)] IReadOnlyList<Guid> Ids) : IRequestModel;

/// <summary>One row of a bulk answer: an empty error means done. (Bitwarden's object name, odd as it is.)</summary>
public sealed record MemberBulkResult(Guid Id, string Error) : ResponseModel("OrganizationBulkConfirmResponseModel");

public sealed record MemberPublicKeyResponse(Guid Id, Guid UserId, string? Key) : ResponseModel("organizationUserPublicKeyResponseModel");

/// <summary>
/// A member as the Admin Console lists it (<c>organizationUserUserDetails</c>) or shows one
/// (<c>organizationUserDetails</c>). The CLI requires <c>id</c> and <c>email</c>.
/// </summary>
public sealed record MemberResponse(
    Guid Id, Guid? UserId, string Email, string? Name, OrganizationUserType Type, OrganizationUserStatus Status,
    MemberPermissions Permissions, string? ExternalId, bool TwoFactorEnabled, bool UsesKeyConnector, bool HasMasterPassword,
    bool ResetPasswordEnrolled, bool AccessSecretsManager, bool ClaimedByOrganization, string? AvatarColor,
    IReadOnlyList<AccessSelection> Collections, IReadOnlyList<Guid> Groups,
    [property: System.Text.Json.Serialization.JsonIgnore] string Kind) : ResponseModel(Kind);
