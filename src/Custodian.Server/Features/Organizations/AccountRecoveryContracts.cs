using System.ComponentModel.DataAnnotations;
using Custodian.Server.Features.Accounts;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Organizations;

/// <summary>
/// Bitwarden's <c>OrganizationUserResetPasswordEnrollmentRequestModel</c>: the member's user key RSA-wrapped to the
/// org's public key, or null to withdraw. Enrolling re-confirms the master password.
/// </summary>
public sealed record ResetPasswordEnrollmentRequest(
    [property: EncryptedString, EncryptedStringLength(1000)] string? ResetPasswordKey,
    [property: MaxLength(300)] string? MasterPasswordHash,
    [property: MaxLength(10)] string? Otp) : IRequestModel;

/// <summary>Bitwarden's <c>OrganizationUserResetPasswordRequestModel</c>: the new server hash and the user key under the new master key.</summary>
public sealed record AdminResetPasswordRequest(
    [property: Required, MaxLength(300)] string NewMasterPasswordHash,
    [property: Required, EncryptedString, EncryptedStringLength(1000)] string Key) : IRequestModel;

/// <summary>What the admin's browser needs to re-wrap the member's user key; never anything it could not already unwrap.</summary>
public sealed record ResetPasswordDetailsResponse(
    Guid OrganizationUserId, KdfType Kdf, int KdfIterations, int? KdfMemory, int? KdfParallelism,
    string? ResetPasswordKey, string? EncryptedPrivateKey) : ResponseModel("organizationUserResetPasswordDetails");
