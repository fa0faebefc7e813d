using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.TwoFactor;

// Requests: Bitwarden's TwoFactor*RequestModel (src/Api/Auth/Models/Request/TwoFactorRequestModels.cs).

public sealed record TwoFactorAuthenticatorUpdateRequest(
    [property: Required, StringLength(50)] string Token,
    [property: Required, StringLength(50)] string Key,
    [property: Required, MaxLength(4000)] string UserVerificationToken) : IRequestModel;

public sealed record TwoFactorAuthenticatorDeleteRequest(
    [property: Required, MaxLength(4000)] string UserVerificationToken,
    [property: Required, StringLength(50)] string Key) : IRequestModel;

/// <summary>Delete-email, WebAuthn challenge and delete-all bodies: only the verification token.</summary>
public sealed record TwoFactorVerifiedRequest([property: Required, MaxLength(4000)] string UserVerificationToken) : IRequestModel;

public sealed record TwoFactorEmailSetupRequest(
    [property: Required, EmailAddress, StringLength(256)] string Email,
    [property: Required, MaxLength(4000)] string UserVerificationToken) : IRequestModel;

public sealed record TwoFactorEmailUpdateRequest(
    [property: Required, EmailAddress, StringLength(256)] string Email,
    [property: Required, MaxLength(4000)] string UserVerificationToken,
    [property: Required, StringLength(50)] string Token) : IRequestModel;

/// <summary>The login prompt's request: the master password hash, or the session token from the 2FA challenge.</summary>
public sealed record TwoFactorEmailLoginRequest(
    [property: Required, EmailAddress, StringLength(256)] string Email,
    [property: MaxLength(300)] string? MasterPasswordHash,
    [property: MaxLength(4000)] string? SsoEmail2FaSessionToken,
    [property: MaxLength(50)] string? DeviceIdentifier) : IRequestModel;

public sealed record TwoFactorWebAuthnUpdateRequest(
    [property: Required, Range(1, TwoFactorWebAuthn.MaxKeys)] int? Id,
    [property: MaxLength(50)] string? Name,
    [property: Required, MaxLength(4000)] string UserVerificationToken,
    JsonElement DeviceResponse) : IRequestModel;

public sealed record TwoFactorWebAuthnDeleteRequest(
    [property: Required, Range(1, TwoFactorWebAuthn.MaxKeys)] int? Id,
    [property: Required, MaxLength(4000)] string UserVerificationToken) : IRequestModel;

/// <summary>Older clients' disable route: the method and the master password hash.</summary>
public sealed record TwoFactorProviderRequest(
    [property: Required] TwoFactorProviderType? Type,
    [property: Required, MaxLength(300)] string MasterPasswordHash) : IRequestModel;

/// <summary>Older clients' anonymous recovery route.</summary>
public sealed record TwoFactorRecoveryRequest(
    [property: Required, EmailAddress, StringLength(256)] string Email,
    [property: Required, MaxLength(300)] string MasterPasswordHash,
    [property: Required, StringLength(32)] string RecoveryCode) : IRequestModel;

// Responses: Bitwarden's TwoFactor*ResponseModel.

public sealed record TwoFactorProviderResponse(bool Enabled, TwoFactorProviderType Type) : ResponseModel("twoFactorProvider");

public sealed record TwoFactorAuthenticatorDetails(bool Enabled, string Key);

public sealed record TwoFactorAuthenticatorResponse(TwoFactorAuthenticatorDetails Authenticator, string UserVerificationToken)
    : ResponseModel("twoFactorAuthenticator");

public sealed record TwoFactorAuthenticatorUpdateResponse(TwoFactorAuthenticatorDetails Authenticator)
    : ResponseModel("twoFactorAuthenticatorUpdate");

public sealed record TwoFactorEmailDetails(bool Enabled, string? Email);

public sealed record TwoFactorEmailResponse(TwoFactorEmailDetails Email, string UserVerificationToken) : ResponseModel("twoFactorEmail");

public sealed record TwoFactorEmailUpdateResponse(TwoFactorEmailDetails Email) : ResponseModel("twoFactorEmailUpdate");

public sealed record TwoFactorRecoverResponse(string? Code) : ResponseModel("twoFactorRecover");

public sealed record WebAuthnKeyResponse(string? Name, int Id, bool Migrated);

public sealed record TwoFactorWebAuthnDetails(bool Enabled, IReadOnlyList<WebAuthnKeyResponse> Keys)
{
    public static TwoFactorWebAuthnDetails From(bool enabled, WebAuthnData data) =>
        new(enabled, [.. data.Keys.Select(k => new WebAuthnKeyResponse(k.Name, k.Id, false))]);
}

public sealed record TwoFactorWebAuthnResponse(TwoFactorWebAuthnDetails WebAuthn, string UserVerificationToken) : ResponseModel("twoFactorWebAuthn");

public sealed record TwoFactorWebAuthnUpdateResponse(TwoFactorWebAuthnDetails WebAuthn) : ResponseModel("twoFactorWebAuthnUpdate");

public sealed record TwoFactorWebAuthnDeleteResponse(TwoFactorWebAuthnDetails WebAuthn) : ResponseModel("twoFactorWebAuthnDelete");

public sealed record TwoFactorWebAuthnChallengeResponse(JsonElement Options, string UserVerificationToken) : ResponseModel("twoFactorWebAuthnChallenge");
