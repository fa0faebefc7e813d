using System.ComponentModel.DataAnnotations;
using Custodian.Server.Features.Accounts;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Mail;

namespace Custodian.Server.Features.Identity;

public sealed record KeysRequest(
    [property: Required, MaxLength(2000)] string PublicKey,
    [property: Required, EncryptedString, EncryptedStringLength(5000)] string EncryptedPrivateKey) : IRequestModel;

public sealed record KdfRequest(KdfType KdfType, int Iterations, int? Memory, int? Parallelism);

public sealed record MasterPasswordAuthenticationRequest(
    [property: Required, MaxLength(256)] string Salt,
    [property: Required] KdfRequest Kdf,
    [property: Required, MaxLength(300)] string MasterPasswordAuthenticationHash);

public sealed record MasterPasswordUnlockRequest(
    [property: Required, MaxLength(256)] string Salt,
    [property: Required] KdfRequest Kdf,
    [property: Required, EncryptedString, EncryptedStringLength(1000)] string MasterKeyWrappedUserKey);

/// <summary><c>POST /identity/accounts/register</c> (legacy clients, vaultwarden's shape).</summary>
public sealed record RegisterRequest(
    [property: Required, MailAddress, MaxLength(256)] string Email,
    [property: MaxLength(50)] string? Name,
    [property: Required, MaxLength(300)] string MasterPasswordHash,
    [property: MaxLength(50)] string? MasterPasswordHint,
    [property: Required, EncryptedString, EncryptedStringLength(1000)] string Key,
    [property: Required] KeysRequest Keys,
    KdfType? Kdf,
    int? KdfIterations,
    int? KdfMemory,
    int? KdfParallelism) : IRequestModel;

public sealed record SendVerificationEmailRequest(
    [property: Required, MailAddress, MaxLength(256)] string Email,
    [property: MaxLength(50)] string? Name,
    bool ReceiveMarketingEmails) : IRequestModel;

/// <summary>
/// <c>POST /identity/accounts/register/finish</c>. The web client sends the legacy flat fields and the grouped
/// <c>masterPasswordAuthentication</c>/<c>masterPasswordUnlock</c> objects; either form is accepted.
/// </summary>
public sealed record RegisterFinishRequest(
    [property: Required, MailAddress, MaxLength(256)] string Email,
    [property: MaxLength(50)] string? Name,
    [property: MaxLength(50)] string? MasterPasswordHint,
    [property: MaxLength(300)] string? MasterPasswordHash,
    [property: EncryptedString, EncryptedStringLength(1000)] string? UserSymmetricKey,
    KdfType? Kdf,
    int? KdfIterations,
    int? KdfMemory,
    int? KdfParallelism,
    MasterPasswordAuthenticationRequest? MasterPasswordAuthentication,
    MasterPasswordUnlockRequest? MasterPasswordUnlock,
    [property: Required] KeysRequest UserAsymmetricKeys,
    string? EmailVerificationToken,
    string? OrgInviteToken,
    Guid? OrganizationUserId,
    string? ProviderInviteToken,
    Guid? ProviderUserId) : IRequestModel;

public sealed record RegisterResponse(string? CaptchaBypassToken = null) : ResponseModel("register");
