using System.ComponentModel.DataAnnotations;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Sends;

public sealed record SendTextModel([property: EncryptedString, EncryptedStringLength(1000)] string? Text, bool Hidden);

/// <summary>Bitwarden's <c>SendFileModel</c>; on requests only the encrypted file name counts.</summary>
public sealed record SendFileModel(string? Id, [property: EncryptedString, EncryptedStringLength(1000)] string? FileName,
    string? Size, string? SizeName);

/// <summary>Bitwarden's <c>SendRequestModel</c>, for create, edit and the file Send announcement.</summary>
public sealed record SendRequest(
    SendType Type,
    SendAuthType? AuthType,
    long? FileLength,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Name,
    [property: EncryptedString, EncryptedStringLength(1000)] string? Notes,
    [property: Required, EncryptedString, EncryptedStringLength(1000)] string Key,
    [property: Range(1, int.MaxValue)] int? MaxAccessCount,
    DateTime? ExpirationDate,
    [property: Required] DateTime? DeletionDate,
    SendFileModel? File,
    SendTextModel? Text,
    [property: StringLength(1000)] string? Password,
    [property: StringLength(4000)] string? Emails,
    [property: Required] bool? Disabled,
    bool? HideEmail) : IRequestModel;

/// <summary>Bitwarden's <c>SendResponseModel</c>: what the owner's clients keep (sync <c>sends</c> and every owner route).</summary>
public sealed record SendResponse(
    Guid Id,
    string AccessId,
    SendType Type,
    SendAuthType? AuthType,
    string Name,
    string? Notes,
    SendFileModel? File,
    SendTextModel? Text,
    object? Data,
    string Key,
    int? MaxAccessCount,
    int AccessCount,
    string? Password,
    string? Emails,
    bool Disabled,
    DateTime RevisionDate,
    DateTime? ExpirationDate,
    DateTime DeletionDate,
    bool HideEmail) : ResponseModel("send")
{
    public static SendResponse From(Send s) => new(s.Id, SendAccessId.Encode(s.Id), s.Type, s.AuthType, s.Name, s.Notes,
        FileOf(s), TextOf(s), null, s.Key, s.MaxAccessCount, s.AccessCount, s.Password, s.Emails, s.Disabled, s.RevisionDate,
        s.ExpirationDate, s.DeletionDate, s.HideEmail);

    public static SendFileModel? FileOf(Send s) => s.Type == SendType.File
        ? new(s.FileId, s.FileName, s.FileSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Vault.AttachmentLinks.SizeName(s.FileSize))
        : null;

    public static SendTextModel? TextOf(Send s) => s.Type == SendType.Text ? new(s.Text, s.TextHidden) : null;
}

/// <summary>Bitwarden's <c>SendAccessResponseModel</c>: what a recipient gets, without the owner's notes or key.</summary>
public sealed record SendAccessResponse(
    string Id,
    SendType Type,
    SendAuthType? AuthType,
    string Name,
    SendFileModel? File,
    SendTextModel? Text,
    object? Data,
    DateTime? ExpirationDate,
    string? CreatorIdentifier) : ResponseModel("send-access");

/// <summary>Bitwarden's <c>SendFileUploadDataResponseModel</c>; fileUploadType 0 = direct to this server.</summary>
public sealed record SendFileUploadResponse(string? Url, int FileUploadType, SendResponse? SendResponse)
    : ResponseModel("send-fileUpload");

public sealed record SendFileDownloadResponse(string? Id, string? Url) : ResponseModel("send-fileDownload");

/// <summary>
/// The id recipients see: base64url (no padding) of the GUID's bytes in .NET's <see cref="Guid.ToByteArray()"/>
/// order, exactly as Bitwarden makes it, so links and the <c>send_id</c> of the <c>send_access</c> grant match.
/// </summary>
public static class SendAccessId
{
    public static string Encode(Guid id) => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(id.ToByteArray());

    public static Guid? Decode(string? accessId)
    {
        if (string.IsNullOrEmpty(accessId) || accessId.Length > 24)
        {
            return null;
        }
        try
        {
            var bytes = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(accessId);
            return bytes.Length == 16 && new Guid(bytes) is var id && id != Guid.Empty ? id : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
