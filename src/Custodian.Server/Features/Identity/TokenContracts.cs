using System.Text.Json.Serialization;
using Custodian.Server.Features.Accounts;

namespace Custodian.Server.Features.Identity;

/// <summary>
/// The token response. OAuth fields are snake_case; Bitwarden's extra fields are PascalCase, and some of them
/// (UserDecryptionOptions.TrustedDeviceOption…) are matched case-sensitively by clients, so names are pinned here.
/// </summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("refresh_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RefreshToken,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("Key")] string? Key,
    [property: JsonPropertyName("PrivateKey")] string? PrivateKey,
    [property: JsonPropertyName("AccountKeys")] AccountKeysResponse? AccountKeys,
    [property: JsonPropertyName("Kdf")] KdfType Kdf,
    [property: JsonPropertyName("KdfIterations")] int KdfIterations,
    [property: JsonPropertyName("KdfMemory")] int? KdfMemory,
    [property: JsonPropertyName("KdfParallelism")] int? KdfParallelism,
    [property: JsonPropertyName("ResetMasterPassword")] bool ResetMasterPassword,
    [property: JsonPropertyName("ForcePasswordReset")] bool ForcePasswordReset,
    [property: JsonPropertyName("ApiUseKeyConnector")] bool ApiUseKeyConnector,
    [property: JsonPropertyName("MasterPasswordPolicy")] object? MasterPasswordPolicy,
    [property: JsonPropertyName("UserDecryptionOptions")] UserDecryptionOptionsResponse UserDecryptionOptions)
{
    /// <summary>The "remember me" token (two-step login type 5), when the login asked for one.</summary>
    [JsonPropertyName("TwoFactorToken"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TwoFactorToken { get; init; }
}

public sealed record UserDecryptionOptionsResponse(
    [property: JsonPropertyName("HasMasterPassword")] bool HasMasterPassword,
    [property: JsonPropertyName("MasterPasswordUnlock")] MasterPasswordUnlockOption? MasterPasswordUnlock,
    [property: JsonPropertyName("Object")] string Object = "userDecryptionOptions");

public sealed record MasterPasswordUnlockOption(
    [property: JsonPropertyName("Kdf")] KdfOption Kdf,
    [property: JsonPropertyName("MasterKeyEncryptedUserKey")] string MasterKeyEncryptedUserKey,
    // Vaultwarden's alias; some clients read this name.
    [property: JsonPropertyName("MasterKeyWrappedUserKey")] string MasterKeyWrappedUserKey,
    [property: JsonPropertyName("Salt")] string Salt);

public sealed record KdfOption(
    [property: JsonPropertyName("KdfType")] KdfType KdfType,
    [property: JsonPropertyName("Iterations")] int Iterations,
    [property: JsonPropertyName("Memory")] int? Memory,
    [property: JsonPropertyName("Parallelism")] int? Parallelism);

/// <summary>OAuth error plus Bitwarden's nested <c>ErrorModel</c>, whose message clients show.</summary>
public sealed record TokenErrorResponse(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string ErrorDescription,
    [property: JsonPropertyName("ErrorModel")] TokenErrorModel? ErrorModel);

public sealed record TokenErrorModel(
    [property: JsonPropertyName("Message")] string Message,
    [property: JsonPropertyName("Object")] string Object = "error");
