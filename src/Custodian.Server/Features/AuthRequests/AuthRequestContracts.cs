using System.ComponentModel.DataAnnotations;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.AuthRequests;

/// <summary>Bitwarden's <c>AuthRequestCreateRequestModel</c>, sent by the device that wants to log in.</summary>
public sealed record AuthRequestCreateRequest(
    [property: Required, MaxLength(256)] string Email,
    [property: Required, MaxLength(1000)] string PublicKey,
    [property: Required, MaxLength(50)] string DeviceIdentifier,
    [property: Required, StringLength(25)] string AccessCode,
    [property: Required, EnumDataType(typeof(AuthRequestType))] AuthRequestType? Type) : IRequestModel;

/// <summary>Bitwarden's <c>AuthRequestUpdateRequestModel</c>: a logged-in device's answer.</summary>
public sealed record AuthRequestUpdateRequest(
    [property: EncryptedString, EncryptedStringLength(2000)] string? Key,
    [property: EncryptedString, EncryptedStringLength(2000)] string? MasterPasswordHash,
    [property: Required, MaxLength(50)] string DeviceIdentifier,
    bool RequestApproved) : IRequestModel;

/// <summary>
/// Bitwarden's <c>AuthRequestResponseModel</c> (and, with <see cref="RequestDeviceId"/>, the pending list's
/// <c>PendingAuthRequestResponseModel</c>). <c>origin</c> is the web vault's host, which the approving app shows.
/// </summary>
public sealed record AuthRequestResponse(
    Guid Id, string PublicKey, string RequestDeviceIdentifier, int RequestDeviceTypeValue, string? RequestDeviceType,
    string? RequestIpAddress, string? RequestCountryName, string? Key, string? MasterPasswordHash, DateTime CreationDate,
    DateTime? ResponseDate, bool RequestApproved, string Origin, Guid? RequestDeviceId = null) : ResponseModel("auth-request")
{
    public static AuthRequestResponse From(AuthRequest r, string origin, Guid? requestDeviceId = null) => new(r.Id, r.PublicKey,
        r.RequestDeviceIdentifier, r.RequestDeviceType, DeviceTypeName(r.RequestDeviceType), r.RequestIpAddress, null, r.Key,
        r.MasterPasswordHash, r.CreationDate, r.ResponseDate, r.Approved ?? false, origin, requestDeviceId);

    /// <summary>Bitwarden's <c>DeviceType</c> display names, which the approving app shows.</summary>
    static string? DeviceTypeName(int type) => type switch
    {
        0 or 15 => "Android", 1 => "iOS", 2 => "Chrome Extension", 3 => "Firefox Extension", 4 => "Opera Extension",
        5 => "Edge Extension", 6 => "Windows", 7 => "macOS", 8 => "Linux", 9 => "Chrome", 10 => "Firefox", 11 => "Opera",
        12 => "Edge", 13 => "Internet Explorer", 14 => "Unknown Browser", 16 => "UWP", 17 => "Safari", 18 => "Vivaldi",
        19 => "Vivaldi Extension", 20 => "Safari Extension", 21 => "SDK", 22 => "Server", 23 => "Windows CLI",
        24 => "MacOs CLI", 25 => "Linux CLI", 26 => "DuckDuckGo", _ => null,
    };
}
