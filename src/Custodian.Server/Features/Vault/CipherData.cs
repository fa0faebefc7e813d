using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Vault;

// The encrypted parts of an item, as clients send and read them. Every string here is an EncString (validated for
// shape and length, never decrypted), except match types, dates and flags. Requests and storage share these types.

public sealed record LoginUriData(
    [property: EncryptedString, EncryptedStringLength(10000)] string? Uri,
    [property: EncryptedString, EncryptedStringLength(1000)] string? UriChecksum,
    int? Match);

public sealed record Fido2CredentialData(
    [property: EncryptedString, EncryptedStringLength(1000)] string? CredentialId,
    [property: EncryptedString, EncryptedStringLength(1000)] string? KeyType,
    [property: EncryptedString, EncryptedStringLength(1000)] string? KeyAlgorithm,
    [property: EncryptedString, EncryptedStringLength(1000)] string? KeyCurve,
    [property: EncryptedString, EncryptedStringLength(5000)] string? KeyValue,
    [property: EncryptedString, EncryptedStringLength(1000)] string? RpId,
    [property: EncryptedString, EncryptedStringLength(1000)] string? RpName,
    [property: EncryptedString, EncryptedStringLength(1000)] string? UserHandle,
    [property: EncryptedString, EncryptedStringLength(1000)] string? UserName,
    [property: EncryptedString, EncryptedStringLength(1000)] string? UserDisplayName,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Counter,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Discoverable,
    DateTime? CreationDate);

public sealed record LoginData(
    [property: EncryptedString, EncryptedStringLength(1000)] string? Username,
    [property: EncryptedString, EncryptedStringLength(5000)] string? Password,
    DateTime? PasswordRevisionDate,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Totp,
    bool? AutofillOnPageLoad,
    [property: MaxLength(500)] IReadOnlyList<LoginUriData>? Uris,
    [property: MaxLength(100)] IReadOnlyList<Fido2CredentialData>? Fido2Credentials);

public sealed record SecureNoteData(int Type);

public sealed record CardData(
    [property: EncryptedString, EncryptedStringLength(1000)] string? CardholderName,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Brand,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Number,
    [property: EncryptedString, EncryptedStringLength(1000)] string? ExpMonth,
    [property: EncryptedString, EncryptedStringLength(1000)] string? ExpYear,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Code);

public sealed record IdentityData(
    [property: EncryptedString, EncryptedStringLength(1000)] string? Title,
    [property: EncryptedString, EncryptedStringLength(1000)] string? FirstName,
    [property: EncryptedString, EncryptedStringLength(1000)] string? MiddleName,
    [property: EncryptedString, EncryptedStringLength(1000)] string? LastName,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Address1,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Address2,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Address3,
    [property: EncryptedString, EncryptedStringLength(1000)] string? City,
    [property: EncryptedString, EncryptedStringLength(1000)] string? State,
    [property: EncryptedString, EncryptedStringLength(1000)] string? PostalCode,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Country,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Company,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Email,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Phone,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Ssn,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Username,
    [property: EncryptedString, EncryptedStringLength(1000)] string? PassportNumber,
    [property: EncryptedString, EncryptedStringLength(1000)] string? LicenseNumber);

public sealed record SshKeyData(
    [property: EncryptedString, EncryptedStringLength(10000)] string? PrivateKey,
    [property: EncryptedString, EncryptedStringLength(5000)] string? PublicKey,
    [property: EncryptedString, EncryptedStringLength(1000)] string? KeyFingerprint);

public sealed record FieldData(
    int Type,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Name,
    [property: EncryptedString, EncryptedStringLength(5000)] string? Value,
    int? LinkedId);

public sealed record PasswordHistoryData(
    [property: Required, EncryptedString, EncryptedStringLength(5000)] string Password,
    DateTime LastUsedDate);

/// <summary>
/// What is stored in <see cref="Cipher.Data"/>: only the object matching the item type is set. Every row is this
/// record's serialization, all properties in this order with nulls written, and sync copies a row's inside into
/// the response as it is (<see cref="SyncItemConverter"/>): a property added here needs the rows rewritten, or
/// synced items lack it until they are next saved.
/// </summary>
public sealed record CipherData(
    string Name,
    string? Notes,
    IReadOnlyList<FieldData>? Fields,
    IReadOnlyList<PasswordHistoryData>? PasswordHistory,
    LoginData? Login,
    SecureNoteData? SecureNote,
    CardData? Card,
    IdentityData? Identity,
    SshKeyData? SshKey,
    JsonElement? BankAccount,
    JsonElement? DriversLicense,
    JsonElement? Passport,
    JsonElement? Data)
{
    public string Serialize() => JsonSerializer.Serialize(this, JsonDefaults.Options);

    public static CipherData Deserialize(string json) =>
        JsonSerializer.Deserialize<CipherData>(json, JsonDefaults.Options) ?? throw new InvalidOperationException("Empty cipher data.");
}
