using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Vault;

public sealed record AttachmentRename(
    [property: EncryptedString, EncryptedStringLength(1000)] string? FileName,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Key);

/// <summary>
/// Bitwarden's <c>CipherRequestModel</c> (POST/PUT /api/ciphers, import items, share). Nested objects may carry a
/// stray <c>"response":null</c>; unknown properties are ignored.
/// </summary>
public sealed record CipherRequest(
    CipherType Type,
    Guid? OrganizationId,
    string? FolderId,
    bool Favorite,
    CipherRepromptType Reprompt,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Key,
    [property: Required, EncryptedString, EncryptedStringLength(1000)] string Name,
    [property: EncryptedString, EncryptedStringLength(10000)] string? Notes,
    [property: MaxLength(500)] IReadOnlyList<FieldData>? Fields,
    [property: MaxLength(100)] IReadOnlyList<PasswordHistoryData>? PasswordHistory,
    LoginData? Login,
    SecureNoteData? SecureNote,
    CardData? Card,
    IdentityData? Identity,
    SshKeyData? SshKey,
    JsonElement? BankAccount,
    JsonElement? DriversLicense,
    JsonElement? Passport,
    JsonElement? Data,
    /// <summary>Legacy map attachment id → re-encrypted file name.</summary>
    IReadOnlyDictionary<string, string>? Attachments,
    /// <summary>Map attachment id → re-encrypted name and key.</summary>
    IReadOnlyDictionary<string, AttachmentRename>? Attachments2,
    DateTime? LastKnownRevisionDate,
    DateTime? ArchivedDate,
    /// <summary>The user id the client encrypted for; must be the caller.</summary>
    Guid? EncryptedFor,
    string? EncryptedByKeyId,
    /// <summary>Only in bulk share, where each item names the personal item it replaces.</summary>
    Guid? Id = null) : IRequestModel
{
    public CipherData ToData() => new(Name, Notes, Fields, PasswordHistory,
        Type == CipherType.Login ? Login : null,
        Type == CipherType.SecureNote ? SecureNote ?? new SecureNoteData(0) : null,
        Type == CipherType.Card ? Card : null,
        Type == CipherType.Identity ? Identity : null,
        Type == CipherType.SshKey ? SshKey : null,
        Type == CipherType.BankAccount ? BankAccount : null,
        Type == CipherType.DriversLicense ? DriversLicense : null,
        Type == CipherType.Passport ? Passport : null,
        Data);
}

public sealed record AttachmentResponse(
    string Id, string Url, string FileName, string? Key, string Size, string SizeName) : ResponseModel("attachment");

public sealed record CipherPermissionsResponse(bool Delete, bool Restore);

/// <summary>
/// Bitwarden's <c>CipherDetailsResponseModel</c>, used for sync and for every write's answer. The CLI writes it
/// straight into local state: <c>edit</c>, <c>permissions</c>, <c>creationDate</c> and an explicit
/// <c>deletedDate</c> must always be present (client-contract H4–H6).
/// </summary>
public sealed record CipherResponse(
    Guid Id,
    Guid? OrganizationId,
    CipherType Type,
    // The stored fields, in CipherData's order, which SyncItem's writer relies on to copy rows as they are.
    RawJson? Name,
    RawJson? Notes,
    RawJson? Fields,
    RawJson? PasswordHistory,
    RawJson? Login,
    RawJson? SecureNote,
    RawJson? Card,
    RawJson? Identity,
    RawJson? SshKey,
    RawJson? BankAccount,
    RawJson? DriversLicense,
    RawJson? Passport,
    RawJson? Data,
    IReadOnlyList<AttachmentResponse>? Attachments,
    bool OrganizationUseTotp,
    DateTime RevisionDate,
    DateTime CreationDate,
    DateTime? DeletedDate,
    DateTime? ArchivedDate,
    CipherRepromptType Reprompt,
    string? Key,
    Guid? FolderId,
    bool Favorite,
    bool Edit,
    bool ViewPassword,
    CipherPermissionsResponse Permissions,
    IReadOnlyList<Guid> CollectionIds,
    [property: System.Text.Json.Serialization.JsonPropertyOrder(-1)] string Object = "cipherDetails");
