using System.ComponentModel.DataAnnotations;
using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Identity;
using Custodian.Server.Features.Vault;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Mail;

namespace Custodian.Server.Features.EmergencyAccess;

/// <summary>Bitwarden's <c>EmergencyAccessInviteRequestModel</c>.</summary>
public sealed record EmergencyAccessInviteRequest(
    [property: Required, MailAddress, MaxLength(256)] string Email,
    [property: Required, EnumDataType(typeof(EmergencyAccessType))] EmergencyAccessType? Type,
    [property: Range(1, short.MaxValue)] int WaitTimeDays) : IRequestModel;

/// <summary>Bitwarden's <c>EmergencyAccessUpdateRequestModel</c>: the grantor changes type or wait time.</summary>
public sealed record EmergencyAccessUpdateRequest(
    [property: EnumDataType(typeof(EmergencyAccessType))] EmergencyAccessType Type,
    [property: Range(1, short.MaxValue)] int WaitTimeDays,
    [property: EncryptedString, EncryptedStringLength(2000)] string? KeyEncrypted) : IRequestModel;

/// <summary>The invitation link's token (Bitwarden reuses <c>OrganizationUserAcceptRequestModel</c>).</summary>
public sealed record EmergencyAccessAcceptRequest([property: Required, MaxLength(2000)] string Token) : IRequestModel;

/// <summary>The grantor's user key wrapped to the grantee's public key (<c>OrganizationUserConfirmRequestModel</c>).</summary>
public sealed record EmergencyAccessConfirmRequest([property: Required, EncryptedString, EncryptedStringLength(2000)] string Key) : IRequestModel;

/// <summary>
/// Bitwarden's <c>EmergencyAccessPasswordRequestModel</c>: the grantor's new master password hash and the user key
/// wrapped by the new master key, flat (older clients) or as <c>authenticationData</c>/<c>unlockData</c>.
/// </summary>
public sealed record EmergencyAccessPasswordRequest(
    [property: MaxLength(300)] string? NewMasterPasswordHash,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Key,
    MasterPasswordAuthenticationRequest? AuthenticationData,
    MasterPasswordUnlockRequest? UnlockData) : IRequestModel;

/// <summary>Bitwarden's <c>EmergencyAccessGranteeDetailsResponseModel</c>: the grantor's view of a contact (<c>trusted</c>,
/// <c>GET {id}</c>), named by the invited address until it accepts.</summary>
public sealed record EmergencyAccessGranteeDetailsResponse(Guid Id, EmergencyAccessStatus Status, EmergencyAccessType Type,
    int WaitTimeDays, Guid? GranteeId, string? Name, string? Email, string? AvatarColor) : ResponseModel("emergencyAccessGranteeDetails")
{
    public static EmergencyAccessGranteeDetailsResponse From(EmergencyContact e, User? grantee) =>
        new(e.Id, e.Status, e.Type, e.WaitTimeDays, e.GranteeId, grantee?.Name, grantee?.Email ?? e.Email, grantee?.AvatarColor);
}

/// <summary>Bitwarden's <c>EmergencyAccessGrantorDetailsResponseModel</c>: the grantee's view (<c>granted</c>).</summary>
public sealed record EmergencyAccessGrantorDetailsResponse(Guid Id, EmergencyAccessStatus Status, EmergencyAccessType Type,
    int WaitTimeDays, Guid GrantorId, string? Name, string? Email, string? AvatarColor) : ResponseModel("emergencyAccessGrantorDetails")
{
    public static EmergencyAccessGrantorDetailsResponse From(EmergencyContact e, User grantor) =>
        new(e.Id, e.Status, e.Type, e.WaitTimeDays, grantor.Id, grantor.Name, grantor.Email, grantor.AvatarColor);
}

/// <summary>Bitwarden's <c>EmergencyAccessTakeoverResponseModel</c>: what the grantee needs to set a new password.</summary>
public sealed record EmergencyAccessTakeoverResponse(string? KeyEncrypted, KdfType Kdf, int KdfIterations, int? KdfMemory,
    int? KdfParallelism, string Salt) : ResponseModel("emergencyAccessTakeover");

/// <summary>Bitwarden's <c>EmergencyAccessViewResponseModel</c>: the grantor's own items, read-only.</summary>
public sealed record EmergencyAccessViewResponse(string? KeyEncrypted, IReadOnlyList<CipherResponse> Ciphers)
    : ResponseModel("emergencyAccessView");
