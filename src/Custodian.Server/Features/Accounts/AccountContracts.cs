using System.ComponentModel.DataAnnotations;
using Custodian.Server.Features.Identity;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Accounts;

public sealed record UpdateProfileRequest(
    [property: MaxLength(50)] string? Name,
    [property: MaxLength(50)] string? MasterPasswordHint,
    [property: MaxLength(10)] string? Culture) : IRequestModel;

/// <summary>Bitwarden's <c>SecretVerificationRequestModel</c>: re-confirms the master password.</summary>
public sealed record SecretVerificationRequest([property: Required, MaxLength(300)] string MasterPasswordHash) : IRequestModel;

public sealed record PasswordChangeRequest(
    [property: Required, MaxLength(300)] string MasterPasswordHash,
    [property: Required, MaxLength(300)] string NewMasterPasswordHash,
    [property: MaxLength(50)] string? MasterPasswordHint,
    /// <summary>The same user key, wrapped by the new master key.</summary>
    [property: Required, EncryptedString, EncryptedStringLength(1000)] string Key) : IRequestModel;

/// <summary>Bitwarden's <c>UpdateTempPasswordRequestModel</c>.</summary>
public sealed record UpdateTempPasswordRequest(
    [property: Required, MaxLength(300)] string NewMasterPasswordHash,
    [property: Required, EncryptedString, EncryptedStringLength(1000)] string Key,
    [property: MaxLength(50)] string? MasterPasswordHint) : IRequestModel;

/// <summary>
/// <c>POST /api/accounts/kdf</c> in both shapes clients send: the legacy flat fields, or the grouped
/// <c>authenticationData</c>/<c>unlockData</c> of newer clients.
/// </summary>
public sealed record KdfChangeRequest(
    [property: Required, MaxLength(300)] string MasterPasswordHash,
    KdfType? Kdf, int? KdfIterations, int? KdfMemory, int? KdfParallelism,
    [property: MaxLength(300)] string? NewMasterPasswordHash,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Key,
    MasterPasswordAuthenticationRequest? AuthenticationData,
    MasterPasswordUnlockRequest? UnlockData) : IRequestModel;

public sealed record SetKeysRequest(
    [property: Required, MaxLength(2000)] string PublicKey,
    [property: Required, EncryptedString, EncryptedStringLength(5000)] string EncryptedPrivateKey) : IRequestModel;

public sealed record KeysResponse(string? Key, string? PublicKey, string? PrivateKey, AccountKeysResponse? AccountKeys)
    : ResponseModel("keys");

public sealed record UserKeyResponse(Guid UserId, string? PublicKey) : ResponseModel("userKey");

public sealed record ApiKeyResponse(string ApiKey, DateTime RevisionDate) : ResponseModel("apiKey");

public sealed record DeviceResponse(Guid Id, string Name, int Type, string Identifier, DateTime CreationDate,
    DateTime RevisionDate, DateTime? LastActivityDate, bool IsTrusted) : ResponseModel("device")
{
    public static DeviceResponse From(Device d) =>
        new(d.Id, d.Name, d.Type, d.Identifier, d.CreationDate, d.RevisionDate, d.LastActivityDate, IsTrusted: false);
}
