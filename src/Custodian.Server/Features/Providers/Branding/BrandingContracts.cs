using System.ComponentModel.DataAnnotations;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Providers.Branding;

/// <summary>A provider admin's branding settings; an empty field clears it.</summary>
public sealed record BrandingRequest(
    [property: MaxLength(BrandingRequest.MaxNameLength)] string? DisplayName,
    [property: RegularExpression("^#[0-9a-fA-F]{6}$", ErrorMessage = "The colour must be #rrggbb.")] string? Color) : IRequestModel
{
    public const int MaxNameLength = 100;
}

/// <summary>The invitation link's address and token: only someone holding the mail sees whose branding it carries.</summary>
public sealed record InvitationBrandingRequest(
    [property: Required, MaxLength(256)] string Email,
    [property: Required, MaxLength(2000)] string Token) : IRequestModel;

/// <summary>
/// What a provider shows: <c>name</c> is the display name, else the provider's name; <c>logoUrl</c> is relative to
/// the server (mails make it absolute) and changes with each new logo, so it may be cached.
/// </summary>
public sealed record ProviderBrandingResponse(Guid ProviderId, string Name, string? DisplayName, string? Color, string? LogoUrl)
    : ResponseModel("providerBranding")
{
    public static ProviderBrandingResponse From(Provider provider, ProviderBranding? branding) => new(provider.Id,
        string.IsNullOrWhiteSpace(branding?.DisplayName) ? provider.Name : branding.DisplayName, branding?.DisplayName, branding?.Color,
        branding?.Logo is null ? null : $"/api/branding/providers/{provider.Id}/logo?v={branding.RevisionDate.Ticks}");
}
